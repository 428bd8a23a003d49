import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * A note rendered as Markdown, safely: raw HTML in the text is dropped (`skipHtml`, and no rehype-raw), and
 * react-markdown's default URL check turns `javascript:` and other unsafe links into empty ones. GitHub's
 * extensions (tables, task lists, strikethrough, bare links) are on, as people write notes in GitHub's dialect.
 */
export function MarkdownNote({ text }: { text: string }) {
  return (
    <div className="markdown-note">
      <Markdown skipHtml remarkPlugins={[remarkGfm]}>
        {text}
      </Markdown>
    </div>
  );
}
