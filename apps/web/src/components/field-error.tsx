import { plainMessage } from '@/lib/user-errors';

/** Messages for one input (without the API's code quotes); give the input `aria-describedby={id}` so screen readers read them. */
export function FieldError({ id, messages }: { id?: string; messages?: readonly string[] | string | null }) {
  const list = (
    messages === null || messages === undefined ? [] : typeof messages === 'string' ? [messages] : messages
  ).map(plainMessage);
  if (list.length === 0) return null;
  return (
    <div id={id} className="field-error" role="alert">
      {list.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
