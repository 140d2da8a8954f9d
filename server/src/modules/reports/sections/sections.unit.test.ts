// The metric names the handling, rectification and referral parts of issue 18 return from their SQL
// functions are read here: this is the contract their `CREATE OR REPLACE FUNCTION annual_report_<section>` keeps.
import { handlingSection } from './handling-section';
import { rectificationSection } from './rectification-section';
import { referralsSection } from './referrals-section';
import { SECTIONS } from '.';

const metrics = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('the report’s sections', () => {
  it('are one per SQL function, in the printed order', () => {
    expect(SECTIONS.map((s) => s.name)).toEqual(['work', 'inspections', 'lateness', 'handling', 'rectification', 'referrals', 'credit']);
    expect(SECTIONS.map((s) => s.title.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
  });

  it('answer zero, not an error, while a section has no rows yet', () => {
    expect(handlingSection.shape(new Map())).toEqual({ decided: 0, byOutcome: [] });
    expect(rectificationSection.shape(new Map())).toMatchObject({ opened: 0, closedInTimeRate: null });
    for (const section of SECTIONS) expect(section.lines(new Map()).length).toBeGreaterThan(0);
  });

  it('read the metrics the other parts will return', () => {
    const handling = handlingSection.shape(metrics({ decided: 5, 'outcome:RECTIFY': 3, 'outcome:custom:1': 1, 'outcome:CASE': 1 }));
    expect(handling.byOutcome).toEqual([
      { outcome: 'RECTIFY', label: '责令整改', count: 3 },
      { outcome: 'CASE', label: '移送立案查处', count: 1 },
      { outcome: 'custom:1', label: 'custom:1', count: 1 },
    ]);
    expect(handlingSection.lines(metrics({ decided: 5, 'outcome:RECTIFY': 3 }))).toContainEqual({ label: '其中：责令整改', value: '3' });
    // A bureau's own outcome, by its code and the label the records keep.
    expect(handlingSection.shape(metrics({ decided: 2, 'outcome:own:INTERVIEW:约谈': 2 })).byOutcome).toEqual([
      { outcome: 'INTERVIEW', label: '约谈', count: 2 },
    ]);
    expect(handlingSection.lines(metrics({ decided: 2, 'outcome:own:INTERVIEW:约谈': 2 }))).toContainEqual({ label: '其中：约谈', value: '2' });
    expect(rectificationSection.shape(metrics({ opened: 4, closed: 3, closedInTime: 2, overdue: 1 }))).toEqual({
      opened: 4,
      closed: 3,
      closedInTime: 2,
      closedInTimeRate: 0.5,
      overdue: 1,
    });
    expect(referralsSection.shape(metrics({ referred: 2, toBureau: 2, accepted: 2, filed: 1, notFiled: 1, concluded: 0 }))).toEqual({
      referred: 2,
      toDepartment: 0,
      toBureau: 2,
      toExternal: 0,
      pending: 0,
      returned: 0,
      accepted: 2,
      filed: 1,
      notFiled: 1,
      concluded: 0,
    });
  });
});
