/** The four steps of an import, shared by the wizard (choose, upload) and the job page (processing, summary). */
import { Steps } from 'antd';
import { useMessages } from '../../app/i18n';
import { importMessages } from './messages';

const STEPS = ['choose', 'upload', 'process', 'summary'] as const;
export type ImportStep = (typeof STEPS)[number];

export function ImportSteps({ current, failed }: { current: ImportStep; failed?: boolean }) {
  const m = useMessages(importMessages);
  return (
    <Steps
      size="small"
      style={{ marginBottom: 24 }}
      current={STEPS.indexOf(current)}
      status={failed ? 'error' : current === 'summary' ? 'finish' : 'process'}
      items={STEPS.map((s) => ({ title: m(`step_${s}`) }))}
      data-testid="import-steps"
      data-step={current}
    />
  );
}
