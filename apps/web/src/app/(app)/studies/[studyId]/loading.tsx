import { Panel } from '@/components/panel';

export default function StudyLoading() {
  return (
    <>
      <h1 className="muted">Loading study…</h1>
      <Panel title="Summary" loading minHeight={120} />
      <Panel title="Parallel coordinates" loading minHeight={360} />
      <Panel title="Trials" loading minHeight={360} />
    </>
  );
}
