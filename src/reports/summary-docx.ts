// The written work summary as .docx: a title, the generated 主要指标完成情况 and the sections
// the office keeps as editable templates.
import type { Paragraph } from 'docx';

export interface SummarySection { heading: string; paragraphs: string[] }

export async function summaryDocument(title: string, sections: SummarySection[]): Promise<Buffer> {
  // Loaded when a summary is first written, not with the server: it holds megabytes of code and data.
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: title, bold: true, size: 36, font: '方正小标宋简体' })] }),
  ];
  for (const s of sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: s.heading, bold: true, size: 32, font: '黑体' })] }));
    for (const p of s.paragraphs) children.push(new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: p, size: 32, font: '仿宋_GB2312' })] }));
  }
  const doc = new Document({ creator: 'Renkou', title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
