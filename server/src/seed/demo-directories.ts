import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { USCC_ALPHABET, completeIdNumber, completeUscc, maskIdNumber, toGlobalId } from '@spotcheck/shared';
import type { PersonKeys } from '../security/id-numbers';
import { InspectionItem, ItemCategory, ItemStatus } from '../modules/items/inspection-item.entity';
import { InspectionItemVersion } from '../modules/items/inspection-item-version.entity';
import { Inspector, Establishment, Gender, InspectorStatus } from '../modules/inspectors/inspector.entity';
import { MarketEntity, CreditClass, EntityKind, EntityStatus, RiskLevel } from '../modules/entities/market-entity.entity';
import type { Department } from '../modules/departments/department.entity';
import type { User } from '../modules/users/user.entity';
import { DemoRandom } from './demo-random';

interface DemoItem {
  department: string;
  name: string;
  legalBasis: string;
  /** 检查内容 (实施细则第六条). */
  content: string;
  targetType: string;
  minRatio: string;
  frequencyPerYear: number;
  methods: string[];
  category?: ItemCategory;
}

/** 舞钢's 2023 list, exactly as its attachment gives it. */
const WUGANG_ITEMS: DemoItem[] = [
  {
    department: '规划股',
    name: '建设工程规划许可证批后监管',
    content: '建设工程是否按照规划许可证及附件、附图确定的内容建设：建设位置、用地范围、建筑面积、建筑高度、建筑间距和用途；是否按规定办理规划核实',
    legalBasis: '河南省实施《中华人民共和国城乡规划法》办法第五十一条、第六十五条',
    targetType: '办理建设工程规划许可证的单位和个人',
    minRatio: '0.10',
    frequencyPerYear: 1,
    methods: ['ON_SITE', 'COMBINED'],
  },
  {
    department: '测绘地理信息股',
    name: '测绘资质单位检查',
    content: '测绘资质证书的取得和使用，是否在资质等级许可的范围内从事测绘活动；技术人员、仪器设备和质量保证体系是否符合资质条件；测绘成果质量和成果汇交',
    legalBasis: '河南省自然资源厅随机检查事项清单（豫自然资规【2019】3号）',
    targetType: '舞钢市行政区域内的测绘资质单位',
    minRatio: '0.30',
    frequencyPerYear: 1,
    methods: ['ON_SITE', 'COMBINED'],
  },
  {
    department: '土地利用股',
    name: '土地使用情况监督检查',
    legalBasis: '中华人民共和国土地管理法 和河南省实施《土地管理法》办法',
    content: '是否按照出让合同或划拨决定书约定的用途、期限、容积率等条件开发利用土地；有无擅自改变土地用途、闲置土地、非法占用土地等情形',
    targetType: '企业',
    minRatio: '0.10',
    frequencyPerYear: 1,
    methods: ['ON_SITE'],
  },
  {
    department: '矿产资源与地质环境股',
    name: '矿山地质环境保护与土地复垦情况的监管',
    content: '矿山地质环境保护与土地复垦方案的编制和执行；矿山地质环境治理恢复基金的计提和使用；损毁土地复垦的进度和质量',
    legalBasis: '1、《矿产资源法》第十二条 2、《矿产资源法实施细则》第八条',
    targetType: '企业',
    minRatio: '0.10',
    frequencyPerYear: 1,
    methods: ['ON_SITE'],
  },
];

/** 常德's items follow its rules: within 2%–10%, one or two rounds a year, by the 检查部门 that approve. */
const CHANGDE_ITEMS: DemoItem[] = [
  {
    department: '国土空间规划科',
    name: '建设工程规划许可批后监督检查',
    content: '是否按建设工程规划许可证及其附件、附图建设：建设位置、建筑面积、建筑高度、建筑间距和使用性质；竣工后是否申请规划条件核实',
    legalBasis: '《中华人民共和国城乡规划法》第五十一条、第六十四条',
    targetType: '取得建设工程规划许可证的建设单位',
    minRatio: '0.05',
    frequencyPerYear: 1,
    methods: ['ON_SITE', 'DOCUMENTS'],
  },
  {
    department: '测绘地理信息科',
    name: '测绘资质单位监督检查',
    content: '测绘资质证书的使用和资质条件的保持；是否超越资质等级承揽测绘项目；测绘成果质量、成果汇交和保密管理',
    legalBasis: '《中华人民共和国测绘法》第二十七条、《测绘资质管理办法》',
    targetType: '常德市行政区域内的测绘资质单位',
    minRatio: '0.10',
    frequencyPerYear: 1,
    methods: ['ON_SITE', 'DOCUMENTS'],
  },
  {
    department: '矿产资源管理科',
    name: '矿业权人勘查开采信息公示抽查',
    content: '矿业权人公示的勘查开采信息是否真实、准确、完整：勘查投入、开采矿种和规模、储量变化、矿山地质环境保护和土地复垦履行情况',
    legalBasis: '《矿业权人勘查开采信息管理办法》第十一条',
    targetType: '矿业权人',
    minRatio: '0.05',
    frequencyPerYear: 2,
    methods: ['DOCUMENTS', 'ON_SITE'],
    category: ItemCategory.KEY,
  },
  {
    department: '执法监督科',
    name: '土地使用情况监督检查',
    legalBasis: '《中华人民共和国土地管理法》第六十七条',
    content: '土地使用是否符合出让合同或划拨决定书约定的用途和条件；有无非法占用、闲置、擅自改变用途的土地',
    targetType: '企业',
    minRatio: '0.02',
    frequencyPerYear: 1,
    methods: ['ON_SITE'],
  },
];

/** 平顶山's part in the joint demo task: items of its own, drawn over the entities 舞钢's task draws. */
const PINGDINGSHAN_ITEMS: DemoItem[] = [
  {
    department: '执法监察支队',
    name: '土地利用和土地复垦情况执法检查',
    content: '建设用地是否依法批准、按批准用途使用；生产建设活动损毁土地的复垦义务是否履行，复垦费用是否足额预存',
    legalBasis: '《中华人民共和国土地管理法》第六十七条、《土地复垦条例》第三十条',
    targetType: '企业',
    minRatio: '0.05',
    frequencyPerYear: 1,
    methods: ['ON_SITE'],
  },
  {
    department: '矿产资源管理科',
    name: '矿产资源开发利用情况监督检查',
    content: '是否按批准的开发利用方案开采；开采回采率、选矿回收率和综合利用率是否达标；有无越界开采、以采代探等行为',
    legalBasis: '《中华人民共和国矿产资源法》第二十九条',
    targetType: '企业',
    minRatio: '0.05',
    frequencyPerYear: 1,
    methods: ['ON_SITE', 'DOCUMENTS'],
  },
];

export type DemoBureau = 'changde' | 'wugang' | 'pingdingshan';
const ITEMS: Record<DemoBureau, DemoItem[]> = { changde: CHANGDE_ITEMS, wugang: WUGANG_ITEMS, pingdingshan: PINGDINGSHAN_ITEMS };
const BODY_NAMES: Record<DemoBureau, string> = {
  changde: '常德市自然资源和规划局',
  wugang: '舞钢市自然资源和规划局',
  pingdingshan: '平顶山市自然资源和规划局',
};
const ITEM_SOURCES: Record<DemoBureau, string> = {
  changde: '依据《“双随机、一公开”工作实施细则（试行）》',
  wugang: '舞自然资〔2023〕116号 附件1',
  pingdingshan: '平顶山市随机抽查事项清单（演示）',
};

const AREAS: Record<string, string[]> = {
  changde: ['430702', '430703', '430721', '430722', '430723', '430724', '430725', '430726', '430781'],
  wugang: ['410481'],
};
const AUTHORITIES: Record<string, string> = { changde: '常德市市场监督管理局', wugang: '舞钢市市场监督管理局' };
const PLACES: Record<string, string[]> = {
  changde: ['常德', '武陵', '鼎城', '桃源', '澧县', '汉寿', '石门', '津市', '安乡', '临澧'],
  wugang: ['舞钢', '垭口', '寺坡', '朱兰', '院岭', '尚店', '八台', '杨庄', '庙街', '武功'],
};
const BRANDS = [
  '恒信',
  '华宇',
  '鑫源',
  '天成',
  '宏达',
  '金泰',
  '中盛',
  '瑞丰',
  '锦程',
  '德润',
  '远航',
  '兴隆',
  '正大',
  '永安',
  '嘉禾',
  '博远',
  '汇通',
  '长青',
  '星辰',
  '泰和',
];
const TRADES: [string, string, string][] = [
  ['测绘', '测绘服务', '测绘资质单位'],
  ['勘测规划设计', '专业技术服务业', '测绘资质单位'],
  ['矿业', '采矿业', '矿业权人'],
  ['石料开采', '采矿业', '矿业权人'],
  ['房地产开发', '房地产业', '取得建设工程规划许可证的建设单位'],
  ['建设工程', '建筑业', '取得建设工程规划许可证的建设单位'],
  ['置业', '房地产业', '办理建设工程规划许可证的单位和个人'],
  ['建材', '制造业', '企业'],
  ['农业开发', '农、林、牧、渔业', '企业'],
  ['物流', '交通运输、仓储和邮政业', '企业'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀兰'];

export const DEMO_ENTITIES_PER_BUREAU = 3000;
const ALPHABET = [...USCC_ALPHABET];

/** Items, entities and inspectors for the two demo bureaus. */
export async function seedDirectories(
  m: EntityManager,
  bureau: DemoBureau,
  tenantId: string,
  departments: Department[],
  users: User[],
  personKeys: PersonKeys,
): Promise<void> {
  const random = new DemoRandom(`spotcheck-demo:${bureau}`);
  const departmentId = (name: string) => departments.find((d) => d.name === name)?.id ?? null;
  const bodyName = BODY_NAMES[bureau];
  for (const [index, spec] of ITEMS[bureau].entries()) {
    const item = m.create(InspectionItem, {
      position: index + 1,
      tenantId,
      id: crypto.randomUUID(),
      departmentId: departmentId(spec.department),
      version: 1,
      name: spec.name,
      legalBasis: spec.legalBasis,
      content: spec.content,
      inspectingBody: bodyName,
      category: spec.category ?? ItemCategory.GENERAL,
      targetType: spec.targetType,
      minRatio: spec.minRatio,
      frequencyPerYear: spec.frequencyPerYear,
      methods: spec.methods,
      remarks: null,
      status: ItemStatus.PUBLISHED,
      publishedVersion: 1,
    });
    await m.insert(InspectionItem, item);
    const { tenantId: _t, id: _i, version: _v, publishedVersion: _p, ...snapshot } = item;
    await m.insert(InspectionItemVersion, {
      tenantId,
      itemId: item.id,
      version: 1,
      snapshot: { ...snapshot, departmentId: item.departmentId ? toGlobalId('Department', item.departmentId) : null },
      change: 'publish',
      reason: ITEM_SOURCES[bureau],
      changedBy: null,
      changedByName: '演示数据',
      changedAt: new Date(),
    } as never);
  }

  const entities: MarketEntity[] = [];
  const seen = new Set<string>();
  if (bureau === 'pingdingshan') await copyCountyEntities(m, tenantId);
  while (bureau !== 'pingdingshan' && entities.length < DEMO_ENTITIES_PER_BUREAU) {
    const region = random.pick(AREAS[bureau]!);
    const orgCode = Array.from({ length: 9 }, () => random.pick(ALPHABET)).join('');
    const uscc = completeUscc(`91${region}${orgCode}`);
    if (seen.has(uscc)) continue;
    seen.add(uscc);
    const [trade, industry, targetType] = random.pick(TRADES);
    const place = random.pick(PLACES[bureau]!);
    const complaints = random.weighted([
      [0, 80],
      [1, 12],
      [2, 5],
      [5, 3],
    ] as const);
    entities.push(
      m.create(MarketEntity, {
        tenantId,
        id: crypto.randomUUID(),
        name: `${place}${random.pick(BRANDS)}${trade}有限公司`,
        uscc,
        registrationAuthority: AUTHORITIES[bureau]!,
        legalRepresentative: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
        address: `${place}${random.pick(['人民路', '建设路', '解放路', '朝阳路', '滨湖路', '工业园'])}${1 + Math.floor(random.next() * 300)}号`,
        regionCode: region,
        industry,
        targetType,
        status: random.weighted([
          [EntityStatus.EXISTING, 88],
          [EntityStatus.OPERATING, 6],
          [EntityStatus.CANCELLED, 3],
          [EntityStatus.REVOKED, 2],
          [EntityStatus.MOVED_OUT, 1],
        ] as const),
        creditClass: random.weighted([
          [CreditClass.A, 30],
          [CreditClass.B, 50],
          [CreditClass.C, 15],
          [CreditClass.D, 5],
        ] as const),
        riskLevel: random.weighted([
          [RiskLevel.LOW, 50],
          [RiskLevel.MEDIUM, 35],
          [RiskLevel.HIGH, 15],
        ] as const),
        complaints,
        violationRecord: random.next() < 0.04 ? `${2020 + Math.floor(random.next() * 5)}年因未按规定履行${trade}相关义务受到行政处罚` : null,
        version: 1,
      }),
    );
  }
  for (let i = 0; i < entities.length; i += 500) await m.insert(MarketEntity, entities.slice(i, i + 500));
  if (bureau === 'changde') await m.insert(MarketEntity, demoPersons(m, tenantId, personKeys));

  const inspectors = users
    .filter((u) => u.roles.includes('INSPECTOR'))
    .map((user, index) => {
      const n = index + 1;
      const expired = bureau === 'changde' ? n >= 11 : n === 8;
      const suspended = bureau === 'changde' && n === 10;
      const region = { changde: '430700', wugang: '410481', pingdingshan: '410400' }[bureau];
      return m.create(Inspector, {
        tenantId,
        id: crypto.randomUUID(),
        userId: user.id,
        departmentId: user.departmentId,
        name: user.displayName,
        gender: n % 3 === 0 ? Gender.FEMALE : Gender.MALE,
        post: n % 4 === 0 ? '执法监察岗' : '行政执法岗',
        enforcementCategories: n % 2 === 0 ? ['自然资源', '城乡规划'] : ['自然资源', '测绘地理信息', '矿产资源'],
        certificateNo: `${bureau === 'changde' ? '湘' : '豫'}${region}${String(2021000 + n * 37)}`,
        certificateValidFrom: expired ? '2019-01-01' : '2021-01-01',
        certificateValidTo: expired ? '2025-06-30' : '2029-12-31',
        establishment: n % 5 === 0 ? Establishment.INSTITUTIONAL : Establishment.ADMINISTRATIVE,
        specialties: [random.pick(['土地管理', '城乡规划', '测绘', '矿产开发', '地质环境', '法律'])],
        status: suspended ? InspectorStatus.SUSPENDED : InspectorStatus.ACTIVE,
      });
    });
  if (inspectors.length) await m.insert(Inspector, inspectors);
}

/**
 * Natural persons (单位和个人, 舞钢's list item 1): identified by an ID number of which only a keyed hash
 * and a masked form are kept. In 常德, whose demo draws none of them, so the demo's draws stay as they are.
 */
function demoPersons(m: EntityManager, tenantId: string, personKeys: PersonKeys): MarketEntity[] {
  const persons = [
    { name: '李建华', first17: '43070219780312201', address: '常德市武陵区丹阳街道朗州路 18 号', regionCode: '430702' },
    { name: '王秋菊', first17: '43072119850726402', address: '常德市鼎城区武陵镇沅安路 52 号', regionCode: '430703' },
  ];
  return persons.map((p) => {
    const idNumber = completeIdNumber(p.first17);
    return m.create(MarketEntity, {
      tenantId,
      id: crypto.randomUUID(),
      name: p.name,
      kind: EntityKind.PERSON,
      uscc: personKeys.keyOf(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      registrationAuthority: null,
      legalRepresentative: null,
      address: p.address,
      regionCode: p.regionCode,
      industry: null,
      targetType: '个人',
      status: EntityStatus.EXISTING,
      creditClass: CreditClass.B,
      riskLevel: RiskLevel.LOW,
      complaints: 0,
      violationRecord: null,
      version: 1,
    });
  });
}

/**
 * 平顶山's directory holds the entities of 舞钢, a county-level city below it — four in five of them, so
 * that a joint task's drawn entities mostly, not always, match an entity of the city's own directory.
 */
async function copyCountyEntities(m: EntityManager, tenantId: string): Promise<void> {
  await m.query(
    `INSERT INTO market_entities (tenant_id, id, name, uscc, uscc_checksum_override, registration_authority, legal_representative, address,
                                  region_code, industry, target_type, status, credit_class, risk_level, complaints, violation_record, version)
     SELECT $1, gen_random_uuid(), name, uscc, uscc_checksum_override, registration_authority, legal_representative, address,
            region_code, industry, target_type, status, credit_class, risk_level, complaints, violation_record, 1
       FROM market_entities
      WHERE tenant_id = (SELECT id FROM tenants WHERE region_code = '410481') AND get_byte(sha256(convert_to(uscc, 'UTF8')), 0) % 5 <> 0`,
    [tenantId],
  );
}
