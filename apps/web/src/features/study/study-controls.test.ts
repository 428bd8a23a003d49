import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Client, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { isFinished, runControls } from './run-controls.ts';
import { StudyControls } from './study-controls.tsx';

// No request is made while rendering: the client only has to exist for useMutation.
const client = new Client({ url: 'http://127.0.0.1:1/graphql', exchanges: [] });
const render = (status: string, readOnly = false): string =>
  renderToStaticMarkup(createElement(Provider, { value: client }, createElement(StudyControls, { studyId: 's1', status, params: [], trials: [], readOnly })));
/** The buttons' texts, with " (disabled)" after a disabled one. */
const buttons = (status: string, readOnly = false): string[] =>
  [...render(status, readOnly).matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map((m) => `${m[2] ?? ''}${/ disabled=""/.test(m[1] ?? '') ? ' (disabled)' : ''}`);

describe('the study page run controls', () => {
  it('offers Pause, Stop and Enqueue on a running study, and Resume instead of Pause on a paused one', () => {
    expect(buttons('RUNNING')).toEqual(['Pause', 'Stop', 'Enqueue a configuration…']);
    expect(buttons('PAUSED')).toEqual(['Resume', 'Stop', 'Enqueue a configuration…']);
  });

  it('offers no run control on a finished study, and says why', () => {
    for (const status of ['COMPLETED', 'STOPPED', 'FAILED']) {
      expect(buttons(status), status).toEqual([]);
      expect(render(status), status).toContain(`The study is ${status.toLowerCase()}: it takes no new trials.`);
    }
    expect(render('RUNNING')).not.toContain('takes no new trials');
  });

  it('shows a viewer the controls of a running study disabled', () => {
    expect(buttons('RUNNING', true)).toEqual(['Pause (disabled)', 'Stop (disabled)', 'Enqueue a configuration… (disabled)']);
    expect(buttons('PAUSED', true)).toEqual(['Resume (disabled)', 'Stop (disabled)', 'Enqueue a configuration… (disabled)']);
  });
});

describe('the run controls a status allows', () => {
  it('follows the API: pause a RUNNING study, resume a PAUSED one, stop or enqueue into either', () => {
    expect(runControls('RUNNING')).toEqual({ pause: true, resume: false, stop: true, enqueue: true });
    expect(runControls('PAUSED')).toEqual({ pause: false, resume: true, stop: true, enqueue: true });
  });

  it('allows nothing on a finished study or on a status it does not know', () => {
    for (const status of ['COMPLETED', 'STOPPED', 'FAILED', 'ARCHIVED']) {
      expect(runControls(status), status).toEqual({ pause: false, resume: false, stop: false, enqueue: false });
    }
    expect(['RUNNING', 'PAUSED', 'COMPLETED', 'STOPPED', 'FAILED'].filter(isFinished)).toEqual(['COMPLETED', 'STOPPED', 'FAILED']);
  });
});
