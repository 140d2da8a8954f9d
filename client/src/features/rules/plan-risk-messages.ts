import { defineMessages } from '../../app/i18n';

export const planRiskMessages = defineMessages(
  {
    title: '风险分类监管：比例与频次',
    intro: '按本计划所依据的细则版本：高风险对象（含投诉举报较多、有严重违法违规记录、信用等级 D 或列入严重失信名单的对象）提高抽查比例并增加轮次。',
    item: '抽查事项',
    risk: '风险等级',
    ratio: '抽查比例',
    rounds: '每年轮次',
    risk_HIGH: '高风险',
    risk_MEDIUM: '中风险',
    risk_LOW: '低风险',
  },
  {
    title: 'Risk: ratios and frequency',
    intro:
      'Under the plan’s rule version: high-risk entities (many complaints, a violation record, credit class D, the blacklist) are drawn at a higher ratio and in more rounds.',
    item: 'Item',
    risk: 'Risk',
    ratio: 'Ratio',
    rounds: 'Rounds a year',
    risk_HIGH: 'High',
    risk_MEDIUM: 'Medium',
    risk_LOW: 'Low',
  },
);
