import { DEFAULT_RULES, type Role, type RuleSet } from '@spotcheck/shared';
import { TenantKind } from '../modules/tenants/tenant.entity';

export const DEMO_PASSWORD = 'spotcheck-demo';

export interface DemoTenant {
  key: string;
  parent: string | null;
  name: string;
  regionCode: string;
  kind: TenantKind;
  /** First department listed is the leading-group office, where there is one. */
  departments: { name: string; isOffice?: boolean }[];
  /** The bureau's own rules (细则); the platform template otherwise. */
  rules?: RuleSet;
}

/**
 * 舞钢's plan: per-item minimum ratios of 10% and 30% (“不低于”, and 四(二) asks for rising ratios: no
 * ceiling below 100%), one round a year.
 */
const WUGANG_RULES: RuleSet = {
  ...DEFAULT_RULES,
  ratio: { min: '0.10', max: '1' },
  roundsPerYear: { min: 1, max: 1 },
  workloadCapPerInspectorPerRound: 200,
  // Its 实施方案 splits nothing by risk, and eight inspectors could not visit twice the share of the
  // high-risk quarter: high risk weighs double in one pool per item instead (常德 splits by risk).
  strata: { byRiskLevel: false },
};

/** The demo tree: the platform operator, two provinces, and the two bureaus whose documents are in the seeds. */
export const DEMO_TENANTS: DemoTenant[] = [
  { key: 'platform', parent: null, name: 'SpotCheck 平台运营方', regionCode: '000000', kind: TenantKind.PLATFORM, departments: [] },
  { key: 'hunan', parent: 'platform', name: '湖南省自然资源厅', regionCode: '430000', kind: TenantKind.PROVINCIAL_DEPARTMENT, departments: [] },
  {
    key: 'changde',
    parent: 'hunan',
    name: '常德市自然资源和规划局',
    regionCode: '430700',
    kind: TenantKind.CITY_BUREAU,
    // 实施细则第四条：领导小组办公室设在行政许可办；有行政执法检查职能的科室为“检查部门”。
    departments: [
      { name: '行政许可办（“双随机、一公开”工作领导小组办公室）', isOffice: true },
      { name: '国土空间规划科' },
      { name: '测绘地理信息科' },
      { name: '矿产资源管理科' },
      { name: '执法监督科' },
    ],
  },
  { key: 'henan', parent: 'platform', name: '河南省自然资源厅', regionCode: '410000', kind: TenantKind.PROVINCIAL_DEPARTMENT, departments: [] },
  {
    key: 'pingdingshan',
    parent: 'henan',
    name: '平顶山市自然资源和规划局',
    regionCode: '410400',
    kind: TenantKind.CITY_BUREAU,
    // Joins 舞钢's joint task (市县联动): its directory covers the county-level cities below it.
    departments: [{ name: '办公室（“双随机、一公开”工作领导小组办公室）', isOffice: true }, { name: '执法监察支队' }, { name: '矿产资源管理科' }],
  },
  {
    key: 'wugang',
    parent: 'pingdingshan',
    name: '舞钢市自然资源和规划局',
    regionCode: '410481',
    kind: TenantKind.COUNTY_BUREAU,
    // 实施方案：机关各股室按事项清单分工（规划许可批后监管、测绘资质、土地使用、矿山地质环境）。
    departments: [
      { name: '局办公室（“双随机、一公开”工作领导小组办公室）', isOffice: true },
      { name: '规划股' },
      { name: '测绘地理信息股' },
      { name: '土地利用股' },
      { name: '矿产资源与地质环境股' },
    ],
    rules: WUGANG_RULES,
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  tenant: string;
  roles: Role[];
  /** Index into the tenant's departments. */
  department?: number;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '海涛', '晓燕', '文军', '红梅', '明辉', '静', '立新', '春华'];

function inspectors(tenant: string, count: number, departments: number): DemoAccount[] {
  return Array.from({ length: count }, (_, i) => ({
    username: `${tenant}.inspector${String(i + 1).padStart(2, '0')}`,
    displayName: `${SURNAMES[(i * 5 + (tenant === 'wugang' ? 3 : tenant === 'pingdingshan' ? 7 : 0)) % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    tenant,
    roles: ['INSPECTOR'],
    department: 1 + (i % (departments - 1)),
  }));
}

/** One head per inspecting department (departments 1…n; 0 is the office): they review their items' records. */
function heads(tenant: string, names: string[]): DemoAccount[] {
  return names.map((name, i) => ({
    username: `${tenant}.head${String(i + 1).padStart(2, '0')}`,
    displayName: `${name}负责人`,
    tenant,
    roles: ['DEPARTMENT_HEAD'],
    department: i + 1,
  }));
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'platform.admin', displayName: '平台管理员', tenant: 'platform', roles: ['PLATFORM_OPERATOR'] },
  { username: 'hunan.viewer', displayName: '湖南省厅查看员', tenant: 'hunan', roles: ['PROVINCIAL_VIEWER'] },
  { username: 'henan.viewer', displayName: '河南省厅查看员', tenant: 'henan', roles: ['PROVINCIAL_VIEWER'] },
  { username: 'changde.admin', displayName: '常德局领导小组办公室', tenant: 'changde', roles: ['OFFICE'], department: 0 },
  { username: 'changde.leader', displayName: '常德局分管领导', tenant: 'changde', roles: ['LEADER'] },
  { username: 'changde.supervisor', displayName: '常德局纪检监督', tenant: 'changde', roles: ['SUPERVISOR'] },
  ...heads('changde', ['国土空间规划科', '测绘地理信息科', '矿产资源管理科', '执法监督科']),
  ...inspectors('changde', 12, 5),
  { username: 'pingdingshan.admin', displayName: '平顶山局领导小组办公室', tenant: 'pingdingshan', roles: ['OFFICE'], department: 0 },
  { username: 'pingdingshan.leader', displayName: '平顶山局分管领导', tenant: 'pingdingshan', roles: ['LEADER'] },
  { username: 'pingdingshan.head', displayName: '平顶山局执法监察支队负责人', tenant: 'pingdingshan', roles: ['DEPARTMENT_HEAD'], department: 1 },
  ...inspectors('pingdingshan', 4, 3),
  { username: 'wugang.admin', displayName: '舞钢局领导小组办公室', tenant: 'wugang', roles: ['OFFICE'], department: 0 },
  { username: 'wugang.leader', displayName: '舞钢局分管领导', tenant: 'wugang', roles: ['LEADER'] },
  ...heads('wugang', ['规划股', '测绘地理信息股', '土地利用股', '矿产资源与地质环境股']),
  ...inspectors('wugang', 8, 5),
];
