// Error texts of the benefits part (spread into the platform's catalogue).
export const BENEFITS_MESSAGES: Record<string, { zh: string; en: string }> = {
  'benefits.cycle_state': { zh: '当前周期状态（{status}）不允许此操作', en: 'The cycle is {status}: this step is not possible now' },
  'benefits.review_order': { zh: '须按村（社区）申报、乡镇（街道）审核、区县确认的顺序办理，本级不能处理当前环节（{stage}）的记录', en: 'Lines pass village, township and county in turn: your level cannot act on a line that is {stage}' },
  'benefits.not_all_confirmed': { zh: '还有{count}条记录未经区县确认，不能公示', en: '{count} lines are not yet confirmed by the county: the notice cannot open' },
  'benefits.notice_running': { zh: '公示期至{until}结束，结束后才能冻结名册', en: 'The notice runs until {until}; the roster can be frozen after it' },
  'benefits.objections_open': { zh: '还有{count}条异议未处理', en: '{count} objections are still open' },
  'benefits.nothing_to_pay': { zh: '没有待发放的记录', en: 'No lines are waiting for payment' },
  'benefits.payments_pending': { zh: '还有{count}笔发放未返回结果', en: '{count} payments have no bank result yet' },
  'benefits.not_cash': { zh: '该项目不发放现金', en: 'This programme pays no cash' },
  'benefits.not_county': { zh: '周期须按区县（6位代码）办理', en: 'A cycle belongs to a county (6-digit code)' },
  'benefits.bad_result_file': { zh: '银行结果文件缺少列：{columns}', en: 'The bank result file lacks the columns: {columns}' },
  'benefits.line_not_frozen': { zh: '名册冻结后才能修改发放信息', en: 'Payment details can change only once the roster is frozen' },
};
