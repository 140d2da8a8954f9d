import { completeUscc } from '@spotcheck/shared';
import type { NoticeRow, PublicationNotice } from './notice';

const PLACES = ['舞钢市', '平顶山市', '叶县', '鲁山县', '宝丰县', '郏县'];
const NAMES = ['鑫源', '华瑞', '恒通', '中原', '豫龙', '金鼎', '宏达', '天润', '嘉禾', '昇堃'];
const KINDS = ['建材有限公司', '矿业有限责任公司', '房地产开发有限公司', '砂石料场', '农业开发合作社', '测绘服务有限公司'];
const ITEMS = ['土地利用情况检查', '矿产资源开发利用情况检查', '测绘资质单位监督检查', '地质灾害防治工程检查', '不动产登记代理机构检查'];
const RESULTS = ['未发现问题', '发现问题已责令改正', '发现问题已立案查处', '未按规定公示年度报告', '未发现开展本次抽查涉及的经营活动'];
const INSPECTORS = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆'];

/** A deterministic notice for demos and tests: `count` rows whose texts vary in length. */
export function sampleNotice(count = 12): PublicationNotice {
  const rows: NoticeRow[] = Array.from({ length: count }, (_, i) => {
    const result = RESULTS[i % RESULTS.length]!;
    return {
      seq: i + 1,
      entityName: `${PLACES[i % PLACES.length]}${NAMES[(i * 7) % NAMES.length]}${KINDS[(i * 3) % KINDS.length]}`,
      uscc: completeUscc(`91410481MA${String(i + 1).padStart(7, '0')}`),
      address: i % 4 === 3 ? null : `河南省${PLACES[i % PLACES.length]}${['建设路', '人民路', '矿工路', '朝阳路'][i % 4]}${i + 1}号`,
      items: ITEMS.slice(i % ITEMS.length, (i % ITEMS.length) + 1 + (i % 2)),
      inspectedOn: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      inspectors: [INSPECTORS[i % INSPECTORS.length]!, INSPECTORS[(i + 1) % INSPECTORS.length]!],
      resultCategory: result,
      findings: result.startsWith('发现问题') ? '未按批准的用途使用土地，占用耕地约 0.3 亩修建临时堆场；已责令限期恢复原状。' : null,
      correctionOf: i === 4 ? '2026年第1号公示第5条（原检查结果有误）' : null,
    };
  });
  return {
    bureauName: '舞钢市自然资源和规划局',
    title: '舞钢市自然资源和规划局2026年第一季度“双随机、一公开”抽查结果公示',
    noticeNo: '舞自然资公示〔2026〕2号',
    publishedOn: '2026-04-10',
    intro:
      '根据《国务院办公厅关于推广随机抽查规范事中事后监管的通知》和本局2026年度抽查工作计划，我局对随机抽取的检查对象开展了监督检查。现将抽查结果公示如下。',
    rows,
    footer: '公示期为自发布之日起20个工作日。\n监督电话：0375-8123456。\n对抽查结果有异议的，可在公示期内向本局政策法规股书面提出，并附相关证明材料。',
    verification: {
      drawId: 'RHJhdzowMTk1ZjNhYy0xYjJjLTc0ZDAtOGQ0NS1hMWIyYzNkNGU1ZjY',
      inputHash: '3f9a1c0e5b7d2a4f6e8c1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a',
      seed: 'c2a4e6f8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4',
      url: 'https://spotcheck.example/api/public/draws/RHJhdzowMTk1ZjNhYy0xYjJjLTc0ZDAtOGQ0NS1hMWIyYzNkNGU1ZjY',
      pageUrl: 'https://spotcheck.example/public/draws/RHJhdzowMTk1ZjNhYy0xYjJjLTc0ZDAtOGQ0NS1hMWIyYzNkNGU1ZjY',
    },
  };
}
