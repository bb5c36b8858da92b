// "Galley: Export Annotations": the article's annotations as a Markdown digest (by story:
// the quoted passage, the note, its tags, a link back to the line) and as JSON for tools.

import { Annotation, ArticleModel } from './article';

export interface ExportedAnnotation {
  kind: Annotation['kind'];
  /** 1-based line and character, as editors show them. */
  line: number;
  character: number;
  /** The story's headline (or first words); absent outside every story. */
  story?: string;
  /** The passage: a highlight's text, a change's old text, or a note's line (without markup). */
  passage: string;
  note?: string;
  newText?: string;
  tags: string[];
}

export interface AnnotationExport {
  file: string;
  annotations: ExportedAnnotation[];
}

function lineTextAsIfAbsent(model: ArticleModel, line: number): string {
  return model.blocks.find((b) => b.line === line)?.text ?? '';
}

/** The annotations in reading order; a highlight and its note are one entry. */
export function collectAnnotations(model: ArticleModel, file: string): AnnotationExport {
  const items = model.annotations?.items ?? [];
  const out: ExportedAnnotation[] = [];
  const storyOf = (line: number) => model.stories.find((s) => s.startLine <= line && line <= s.endLine)?.title;
  for (const a of items) {
    if (a.kind === 'note' && a.highlight !== undefined) continue;
    const note = a.kind === 'note' ? a : a.note !== undefined ? items[a.note] : undefined;
    const passage = a.kind === 'note' || a.kind === 'insertion' ? lineTextAsIfAbsent(model, a.line) : a.text;
    out.push({
      kind: a.kind,
      line: a.line + 1,
      character: a.span.start - model.lineStarts[a.line] + 1,
      story: storyOf(a.line),
      passage,
      note: note?.text.trim(),
      newText: a.kind === 'insertion' ? a.text : a.newText,
      tags: note ? [...new Set(note.tags.map((t) => t.name))] : [],
    });
  }
  return { file, annotations: out };
}

const KIND_LABEL: Record<Annotation['kind'], string> = {
  highlight: 'Highlight', note: 'Note', insertion: 'Suggested insertion', deletion: 'Suggested deletion', substitution: 'Suggested change',
};

function quoteBlock(s: string, max = 400): string {
  const t = s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
  return '> ' + t.replace(/\r?\n/g, '\n> ');
}

/** The digest; `link` is the file as the digest should link to it (relative to it). */
export function annotationsMarkdown(ex: AnnotationExport, link: string): string {
  const lines = [`# Annotations: ${ex.file}`, '', `${ex.annotations.length} annotation${ex.annotations.length === 1 ? '' : 's'}.`];
  let story: string | undefined | null = null;
  for (const a of ex.annotations) {
    if (a.story !== story) {
      story = a.story;
      lines.push('', `## ${story ?? 'Outside the stories'}`);
    }
    lines.push('', `### ${KIND_LABEL[a.kind]} — [line ${a.line}](${encodeURI(link)}#L${a.line})`, '');
    if (a.passage) lines.push(quoteBlock(a.passage), '');
    if (a.kind === 'substitution') lines.push(`Suggested: "${a.newText}"`, '');
    if (a.kind === 'insertion') lines.push(`Suggested: insert "${a.newText}"`, '');
    if (a.note) lines.push(a.note, '');
    if (a.tags.length) lines.push('Tags: ' + a.tags.map((t) => '`' + t + '`').join(' '), '');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
