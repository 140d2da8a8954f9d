/** The columns of a published-results CSV, shared by the bureau's results tab, the front page and the entity page. */
import { useMessages } from '../../app/i18n';
import type { CsvColumn } from '../../components/ExportCsvButton';
import { publicMessages } from './messages';
import type { PublicResultRow } from './operations';

export function useResultCsvColumns({ bureau = false } = {}): CsvColumn<PublicResultRow>[] {
  const m = useMessages(publicMessages);
  // The decision as the table shows it: its name, and a 责令整改's deadline.
  const decision = ({ handling: h }: PublicResultRow) =>
    !h
      ? ''
      : h.deadlineWorkdays == null
        ? h.label
        : m('handlingWithDeadline', { label: h.label, deadline: m('deadlineWorkdays', { days: h.deadlineWorkdays }) });
  return [
    ...(bureau ? [{ title: m('bureau'), value: (r: PublicResultRow) => r.bureau.name }] : []),
    { title: m('entityName'), value: (r) => r.entityName },
    { title: m('uscc'), value: (r) => r.entityUscc },
    { title: m('items'), value: (r) => r.items.map((i) => i.name).join('、') },
    { title: m('task'), value: (r) => r.task?.title ?? '' },
    { title: m('inspectedOn'), value: (r) => r.inspectedOn ?? '' },
    { title: m('result'), value: (r) => r.resultCategory?.label ?? '' },
    { title: m('findings'), value: (r) => r.findings ?? '' },
    { title: m('handlingDecision'), value: decision },
    { title: m('handlingBasis'), value: (r) => r.handling?.basis ?? '' },
    { title: m('publishedAt'), value: (r) => r.publishedAt },
    { title: m('correction'), value: (r) => (r.correctedById ? m('correctedBy') : r.correctsId ? m('corrects') : '') },
  ];
}
