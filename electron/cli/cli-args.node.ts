// What the command line accepts: the help text, the options and the usage error. Kept apart from
// the commands so that `--help`, a misspelt option or an unknown command answer without loading
// SQLite or any service (start-up < 0.5 s; test/integration/cli-startup.test.ts checks what loads).

import { parseArgs } from 'node:util';
import { REPORT_TYPES } from '../../shared/reports/registry';

export const HELP = `亮家底 命令行工具

用法: npm run cli -- <命令> [参数] [选项]
      liangjiadi <命令> [参数] [选项]

命令:
  init <工作区.ljd> --region-code <6位编码> --region-name <名称> [--password-env <变量名> | --plain]
                          新建空工作区（加密；不在终端中运行时须给出 --password-env，
                          确需不加密时加 --plain）
  init <工作区.ljd> --demo  新建示范工作区（导入内置的示范市虚拟数据）
  info <工作区.ljd>         显示工作区概况（地区、机构数、数据期间、导入次数）
  validate <数据包> [--workspace <工作区.ljd>]
                          只检查数据包，不写入；列出错误与警告
  import <数据包> --workspace <工作区.ljd>
                          检查并导入数据包（一个事务：出错则不写入任何数据）
  template <输出.xlsx> [--workspace <工作区.ljd>]
                          导出空白数据包模板（有工作区时预填机构名单）
  audit-verify <工作区.ljd> 校验审计日志哈希链是否完整
  pool-import <成员库.xlsx|csv> --workspace <工作区.ljd>
                          导入医疗机构推荐的成员库（类别、机构编码、机构名称、姓名、职务、职称）
  draw-freeze --workspace <工作区.ljd> --seed-source <公开来源> --seed-count <号码个数> --seed-digits <每个号码位数>
              [--seed-order <录入顺序>] [--out 抽选公告.json]
                          冻结成员库与规则（首次抽选），公布抽选公告：种子规则、入选概率、公告哈希
  draw --workspace <工作区.ljd> --seed <现场随机种子> --witness <见证人> --witness <见证人> [--out 记录.json]
                          用现场产生的随机种子执行已冻结的抽选；打印结果与记录哈希
  verify-draw <抽选记录.json> [--announcement <抽选公告.json>]
                          独立复核抽选记录：重算哈希、重新抽选并逐项比对；给出公告时核对两者一致
  draw-chain --workspace <工作区.ljd> --out <抽选记录链.json>
                          导出抽选记录链：每次冻结的公告及其作废记录或抽选记录（含作废的）
  verify-draw --chain <抽选记录链.json>
                          复核记录链：每份公告的 previousHash 是否为前一条的哈希，逐份复核抽选记录
  report <${REPORT_TYPES.join('|')}> --period <期间> --workspace <工作区.ljd> --out <文件夹>
         [--institution <机构编码> | --all | --meeting <会议编号>] [--format pdf|docx|xlsx]
                          生成报告（与程序“报告”页相同），文件带水印与导出编号并登记；
                          尚有未填写的部分时须用 --placeholders 说明保留（keep，红色“【待填写】”）或删去（drop）；
                          双人双锁开启时须由复核人确认：--reviewer <姓名> --reviewer-password-env <变量名>
  report <问题建议清单|警示清单|ADRG建议|意见记录> --workspace <工作区.ljd> --out <文件夹>
         [--meeting <会议编号> | --period <半年度> | --institution <机构编码>] [--format xlsx|docx]
                          生成清单（与程序“会议”页相同），带水印与导出编号并登记
  report 整改通知 --institution <机构编码> --workspace <工作区.ljd> --out <文件夹> [--format pdf|docx]
                          生成某机构的整改通知：未关闭的整改事项、原因与数据、30 日反馈期限（双人双锁同报告）
  report 机构数据包 (--institution <机构编码> | --all [--level <三级|二级|一级及基层|未定级>])
         --from <起始月> --to <截止月> --workspace <工作区.ljd> --out <文件夹>
                          生成医疗机构自己的数据包（加密的单个网页文件，离线打开）和密码单
  trace <文件> --workspace <工作区.ljd>
                          查明一份导出文件的来源（导出编号、导出人、时间）：读文件元数据、
                          页面上的编号（PDF、Word、Excel、复制出的文字 .txt），或按文件哈希
  trace --id <LJD-…> --workspace <工作区.ljd>
                          按纸质文件页脚上的导出编号查明来源

选项:
  --json                  以 JSON 输出结果（便于脚本处理）
  --password-env <变量名>  工作区密码所在的环境变量（加密工作区；init 时新建加密工作区）。
                          不接受在命令行上直接写密码（其他用户用 ps 可以看到）；
                          在终端中未给出时，程序会提示输入（不回显）
  --reviewer <姓名>        复核人（双人双锁开启时，导出报告等操作须由复核人确认）
  --reviewer-password-env <变量名>
                          复核密码所在的环境变量；在终端中未给出时，程序会提示复核人输入（不回显）
  --demo-package <文件>   init --demo 使用的示范数据包（默认 resources/demo/demo-region.zip）
  -h, --help              显示本帮助

退出码: 0 成功；1 数据或工作区问题；2 用法错误。`;

/** The commands the help lists; anything else is a usage error before any service loads. */
export const COMMANDS = [
  'init',
  'info',
  'validate',
  'import',
  'template',
  'audit-verify',
  'pool-import',
  'draw-freeze',
  'draw',
  'draw-chain',
  'verify-draw',
  'report',
  'trace',
] as const;
export type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  workspace: { type: 'string', short: 'w' },
  'region-code': { type: 'string' },
  'region-name': { type: 'string' },
  demo: { type: 'boolean', default: false },
  plain: { type: 'boolean', default: false },
  chain: { type: 'boolean', default: false },
  'demo-package': { type: 'string' },
  seed: { type: 'string' },
  witness: { type: 'string', multiple: true },
  'password-env': { type: 'string' },
  'seed-source': { type: 'string' },
  'seed-count': { type: 'string' },
  'seed-digits': { type: 'string' },
  'seed-order': { type: 'string' },
  announcement: { type: 'string' },
  out: { type: 'string' },
  period: { type: 'string' },
  institution: { type: 'string' },
  all: { type: 'boolean', default: false },
  meeting: { type: 'string' },
  format: { type: 'string' },
  reviewer: { type: 'string' },
  'reviewer-password-env': { type: 'string' },
  placeholders: { type: 'string' },
  id: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  level: { type: 'string' },
} as const;

export const parseCli = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });

/** The options as parsed (what every command receives). */
export type CliValues = ReturnType<typeof parseCli>['values'];

/** A command used the wrong way: exit code 2, the message and “运行 --help 查看用法”. */
export class UsageError extends Error {}
