import Markdown from 'react-markdown';

/**
 * A note rendered as Markdown, safely: raw HTML in the text is dropped (`skipHtml`, and no rehype-raw), and
 * react-markdown's default URL check turns `javascript:` and other unsafe links into empty ones.
 */
export function MarkdownNote({ text }: { text: string }) {
  return (
    <div className="markdown-note">
      <Markdown skipHtml>{text}</Markdown>
    </div>
  );
}
