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
import { annexSection, colophon, narrativeLoop, problemList } from "./sections";
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
    bodyText("截至{截至日期}，{巡察}反馈的{问题总数}个具体问题，{完成情况表述}。"),
    ...paragraphIf("有自查", bodyText("{自查表述}")),
    ...paragraphIf("有未完成", bodyText("{未完成表述}")),
    heading(1, "三、下一步工作打算"),
    ...narrativeLoop("下一步打算", "closesBody"),
    // 附件说明: one line below the body, two characters in (GB/T 9704 7.3.4).
    ...paragraphIf("有附件", keptBlankLine()),
    ...paragraphIf("有附件", keptBodyText("附件：整改台账")),
    ...signature(),
    ...annexSection(),
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
    heading(1, "二、{巡察}反馈问题整改情况"),
    bodyText("截至{截至日期}，{巡察}反馈的{问题总数}个具体问题，{完成情况表述}。{公开说明}"),
    paragraphIf("有自查", bodyText("{自查表述}")),
    ...problemList("notice"),
    heading(1, "三、下一步工作安排"),
    ...narrativeLoop("下一步打算"),
    keptBodyText("欢迎广大干部群众对{巡察}整改落实情况进行监督。如有意见建议，请及时向我们反映。"),
    paragraphIf("有联系方式", keptBodyText("{联系方式}。")),
    ...signature(),
  ].flat();
}

function paragraphIf(condition: string, p: XmlElement): XmlElement[] {
  return [tagParagraph(`{#${condition}}`), p, tagParagraph(`{/${condition}}`)];
}

/**
 * 汇总通报: the inspection office's notice across units (tags: SUMMARY_TAGS). Same styles and
 * page as the 通报; the figures are one paragraph per unit, per 方面 and per overdue problem.
 */
export function summaryNoticeBody(): XmlElement[] {
  return [
    titleParagraph("{标题}"),
    blankLine(),
    recipientParagraph("{主送机关}"),
    bodyText(
      "为压实巡察整改主体责任，推动反馈问题真改实改，现将截至{截至日期}各被巡察单位整改进展情况通报如下：",
    ),
    heading(1, "一、总体情况"),
    bodyText("{进度表述}。{未计入说明}"),
    heading(1, "二、各单位整改情况"),
    tagParagraph("{#单位}"),
    bodyText(
      "{单位序号}. {单位名称}：反馈问题{单位问题数}个，已完成{单位完成数}个，完成率{单位完成率}；超期未完成{单位超期数}个。",
    ),
    tagParagraph("{/单位}"),
    paragraphIf(
      "有未计入",
      bodyText("以下单位的台账存在问题，未计入本次统计，请于3个工作日内改正后重新报送："),
    ),
    tagParagraph("{#未计入单位}"),
    bodyText("{单位名称}（{原因}）。"),
    tagParagraph("{/未计入单位}"),
    heading(1, "三、各方面问题整改情况"),
    tagParagraph("{#方面汇总}"),
    bodyText(
      "{方面名称}：涉及{方面单位数}家单位，问题{方面问题数}个，已完成{方面完成数}个，完成率{方面完成率}。",
    ),
    tagParagraph("{/方面汇总}"),
    heading(1, "四、超期未完成问题"),
    tagParagraph("{#有超期}"),
    bodyText("超过整改时限仍未完成的问题共{超期数}个："),
    tagParagraph("{/有超期}"),
    tagParagraph("{^有超期}"),
    bodyText("截至{截至日期}，没有超过整改时限未完成的问题。"),
    tagParagraph("{/有超期}"),
    tagParagraph("{#超期清单}"),
    bodyText(
      "{单位名称}：{问题}（责任部门：{责任部门}；整改时限：{整改时限}；已超期{超期天数}天）",
    ),
    tagParagraph("{/超期清单}"),
    heading(1, "五、下一步工作要求"),
    bodyText(
      "各单位要对照本通报，逐项核实问题整改情况，对已完成的问题巩固成果、防止反弹；对未完成和超期的问题明确时限、挂图作战，按期报送整改进展。",
    ),
    blankLine(),
    blankLine(),
    ...signatureParagraphs("{署名}", "{成文日期}"),
  ].flat();
}
