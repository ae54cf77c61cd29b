/**
 * The bodies of the two templates: 报告 (red-header report, seed 000) and 通报 (public notice,
 * seeds 001/002). The paragraphs refer to the named styles of styles.ts (geometry in layout.ts);
 * shared sections come from sections.ts.
 */
import {
  blankLine,
  bodyText,
  docNumberParagraph,
  heading,
  issuerMarkParagraph,
  keptBlankLine,
  keptBodyText,
  recipientParagraph,
  signatureParagraphs,
  tagParagraph,
  titleParagraph,
} from "./paragraphs";
import { colophon, narrativeLoop, problemList } from "./sections";
import type { XmlElement } from "./xml";

/**
 * 版头: the red 发文机关标志, two blank lines, then one line with 发文字号 one character in from
 * the left and 签发人 one character in from the right — laid out with a left and a right tab
 * stop, never spaces — whose bottom border is the red separator across the whole type area.
 */
function redHeader(): XmlElement[] {
  return [
    // TODO(documents): a name longer than 15 characters wraps; a "\n" from the view model (with
    // linebreaks on) would let it break into two balanced lines.
    issuerMarkParagraph("{发文机关标志}"),
    blankLine(),
    blankLine(),
    docNumberParagraph("{发文字号}", "{签发人}"),
    blankLine(),
    blankLine(),
  ];
}

/** 署名 and 成文日期 after two blank lines (room for the seal), all kept with each other. */
function signature(): XmlElement[] {
  return [keptBlankLine(), keptBlankLine(), ...signatureParagraphs("{署名}", "{成文日期}")];
}

export function reportBody(): XmlElement[] {
  return [
    ...redHeader(),
    titleParagraph("{标题}"),
    blankLine(),
    recipientParagraph("{主送机关}"),
    bodyText("{开头段}"),
    heading(1, "一、主要做法"),
    ...narrativeLoop("主要做法"),
    heading(1, "二、整改完成情况"),
    ...problemList("report"),
    bodyText(
      "截至{截至日期}，巡察反馈的{问题总数}个具体问题，{完成情况表述}，整改完成率{完成率}。",
    ),
    heading(1, "三、下一步工作打算"),
    ...narrativeLoop("下一步打算", "closesBody"),
    ...signature(),
    ...colophon(),
  ];
}

export function noticeBody(): XmlElement[] {
  return [
    titleParagraph("{标题}"),
    blankLine(),
    bodyText("{开头段}"),
    heading(1, "一、组织整改落实情况"),
    ...narrativeLoop("主要做法"),
    heading(1, "二、巡察反馈问题整改情况"),
    bodyText("截至{截至日期}，巡察反馈的{问题总数}个具体问题，{完成情况表述}。{公开说明}"),
    ...problemList("notice"),
    heading(1, "三、下一步工作安排"),
    ...narrativeLoop("下一步打算"),
    keptBodyText("欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"),
    paragraphIf("有联系方式", keptBodyText("{联系方式}。")),
    ...signature(),
  ].flat();
}

function paragraphIf(condition: string, p: XmlElement): XmlElement[] {
  return [tagParagraph(`{#${condition}}`), p, tagParagraph(`{/${condition}}`)];
}
