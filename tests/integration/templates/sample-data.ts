/**
 * Sample values for every tag the shipped templates use, shaped like the view model's output
 * (seed 000 for the report: three levels; seed 001 for the notice: two levels). Used to render
 * the templates with docxtemplater directly, independent of the ledger pipeline.
 */
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";

type Item = Record<string, unknown>;

const narrative = (items: [string, string][]): Item[] =>
  items.map(([heading, content], i) => ({
    段落序号: `（${"一二三四五"[i]}）`,
    段落编号: i + 1,
    小标题: heading,
    有小标题: heading !== "",
    内容: content,
  }));

function problem(n: number, seq: string, text: string, status: string, result: string): Item {
  return {
    问题序号: seq,
    问题编号: n,
    问题: text,
    整改措施: `一是细化整改措施${n}。\n二是建立长效机制。`,
    整改成效: result,
    有整改成效: result !== "",
    完成情况: status,
    已完成: status.startsWith("已完成") || status === "完成",
  };
}

const COMMON = {
  党组织名称: "中共清丰县市政园林局党组",
  署名: "中共清丰县市政园林局党组",
  成文日期: "2024年1月5日",
  截至日期: "2023年11月28日",
  问题总数: 74,
  完成情况表述: "已完成整改72个，整改完成率97%，长期整改2个",
  完成率: "97%",
};

export const REPORT_DATA: Item = {
  ...COMMON,
  标题: "中共清丰县市政园林局党组关于落实县委第一巡察组反馈意见整改情况的报告",
  发文机关标志: "中共清丰县市政园林局党组文件",
  发文字号: "清市政党组〔2024〕1号",
  签发人: "常良涛",
  主送机关: "县委巡察工作领导小组办公室",
  开头段:
    "2023年7月28日至9月11日，县委第一巡察组对中共清丰县市政园林局党组开展了常规巡察。2023年10月23日，县委第一巡察组向县市政园林局党组反馈了巡察意见，指出了巡察中发现的4个方面74个问题，提出了4点意见建议。现将有关情况报告如下：",
  主要做法: narrative([
    [
      "加强组织领导",
      "局党组坚持把巡察整改放在首要位置，接到反馈意见后，立即召开整改专题会，就整改工作进行了全面安排部署。",
    ],
    [
      "压实整改责任",
      "局党组逐一对照巡察反馈意见，深入分析查找问题的根源，逐项制定整改落实的举措。",
    ],
  ]),
  下一步打算: narrative([
    ["", "全面从严治党永远在路上，下一步局党组将把落实整改与局党组主体责任落实结合起来。"],
  ]),
  有类别: true,
  方面: [
    {
      方面序号: "（一）",
      方面名称: "贯彻落实党的理论路线方针政策和党中央决策部署不到位",
      类别: [
        {
          类别序号: "1.",
          类别名称: "政治站位不够高，政治建设不力",
          问题: [
            problem(
              1,
              "（1）",
              "贯彻落实党的二十大精神有差距。",
              "已完成并长期坚持",
              "一是深入落实“第一议题”制度。",
            ),
            problem(
              2,
              "（2）",
              "落实市政园林工作决策部署不到位。",
              "已完成",
              "二是加强与供暖企业沟通协调。",
            ),
          ],
        },
        {
          类别序号: "2.",
          类别名称: "履行主责主业不到位",
          问题: [problem(3, "（3）", "公园、游园缺乏精细化管理。", "长期整改", "")],
        },
      ],
    },
    {
      方面序号: "（二）",
      方面名称: "贯彻落实全面从严治党战略部署不够有力",
      类别: [
        {
          类别序号: "1.",
          类别名称: "落实主体责任有“落差”",
          问题: [problem(4, "（4）", "领导班子落实主体责任认知不足。", "已完成", "制定实施方案。")],
        },
      ],
    },
  ],
  有版记: true,
  有抄送: true,
  有印发: true,
  抄送: "县委巡察办，县纪委监委派驻纪检监察组",
  印发机关: "中共清丰县市政园林局党组办公室",
  印发日期: "2024年1月5日",
};

export const NOTICE_DATA: Item = {
  ...COMMON,
  党组织名称: "中共邵阳市园林绿化中心委员会",
  署名: "中共邵阳市园林绿化中心委员会",
  成文日期: "2023年11月28日",
  问题总数: 25,
  完成情况表述: "已完成整改18个，整改完成率72%，长期整改7个",
  完成率: "72%",
  公开说明:
    "巡察反馈的25个问题中，有2个问题按规定不予公开，本通报列出其余23个问题，上述统计数字包含全部25个问题。",
  标题: "中共邵阳市园林绿化中心委员会关于巡察整改进展情况的通报",
  开头段:
    "根据市委统一部署，2023年3月21日至6月7日，市委第四巡察组对邵阳市园林绿化中心党委进行了延伸巡察。2023年7月3日，市委巡察组向邵阳市园林绿化中心党委反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。",
  主要做法: narrative([
    ["加强组织领导，明确工作责任", "成立了整改工作领导小组，按照问题清单，分工协作。"],
  ]),
  下一步打算: narrative([["强化责任担当", "党委将进一步提高政治站位，切实扛牢中心主体责任。"]]),
  有类别: false,
  方面: [
    {
      方面序号: "（一）",
      方面名称: "学习贯彻习近平总书记重要论述不扎实",
      类别: [
        {
          类别序号: "",
          类别名称: "",
          问题: [
            problem(1, "1.", "党委第一议题制度落实不到位。", "完成", "①提高党委对第一议题的认识。"),
            problem(2, "2.", "中心组学习不规范。", "长期整改", "②规范党委中心组学习。"),
          ],
        },
      ],
    },
  ],
  有联系方式: true,
  联系方式: "联系电话：0739-5331851；邮政地址：邵阳市宝庆中路309号；电子邮箱：2467373448@qq.com",
};

/** Renders a template with docxtemplater the way the documents module does (paragraph loops, line breaks). */
export function renderWithSample(template: Uint8Array, data: Item): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), {
    paragraphLoop: true,
    linebreaks: true,
    nullGetter: () => "",
  });
  doc.render(data);
  return doc.getZip().generate({ type: "uint8array" });
}
