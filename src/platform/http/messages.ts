// Human texts for the stable error codes, in zh-CN and en-US.
import { BENEFITS_MESSAGES } from '../../benefits/messages.ts';
export type Lang = 'zh-CN' | 'en-US';

const MESSAGES: Record<string, { zh: string; en: string }> = {
  'validation.failed': { zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
  'auth.required': { zh: '请先登录', en: 'Please sign in' },
  'auth.invalid_credentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.throttled': { zh: '登录失败次数过多，请{seconds}秒后再试', en: 'Too many failed sign-ins; try again in {seconds} s' },
  'auth.disabled': { zh: '该账号已停用', en: 'This account is disabled' },
  'auth.wrong_password': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.password_change_required': { zh: '请先修改初始密码', en: 'Please change your initial password first' },
  'csrf.invalid': { zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  forbidden: { zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  not_found: { zh: '记录不存在或不在您的管辖范围内', en: 'Not found, or outside your area' },
  'conflict.stale_version': { zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  'conflict.duplicate_id_number': { zh: '公民身份号码已存在', en: 'This ID number is already registered' },
  'conflict.duplicate_event': { zh: '同一人同日已有相同类型的变动记录', en: 'This person already has an event of this kind on that date' },
  'conflict.duplicate_username': { zh: '用户名已存在', en: 'This username is taken' },
  'payload.too_large': { zh: '上传内容过大', en: 'The upload is too large' },
  // The Chinese text of file problems is the reader's own full sentence.
  'import.bad_file': { zh: '{message}', en: 'The file cannot be read: {reason}' },
  'import.missing_columns': { zh: '{message}', en: 'Required columns missing or repeated: {columns}' },
  'rate_limited': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  internal: { zh: '服务器内部错误，请联系管理员', en: 'Internal error; please contact the administrator' },
  // field-level
  'field.required': { zh: '必填', en: 'Required' },
  'field.invalid': { zh: '格式不正确', en: 'Invalid value' },
  'field.id_number.format': { zh: '公民身份号码应为18位（或15位）', en: 'An ID number has 18 (or 15) characters' },
  'field.id_number.birth_date': { zh: '公民身份号码中的出生日期不是有效日期', en: 'The birth date inside the ID number is not a real date' },
  'field.id_number.check_char': { zh: '公民身份号码校验位错误', en: 'The check character of the ID number is wrong' },
  'field.id_number.birth_mismatch': { zh: '出生日期与公民身份号码不一致（应为{expected}）', en: 'Birth date disagrees with the ID number (expected {expected})' },
  'field.id_number.sex_mismatch': { zh: '性别与公民身份号码不一致', en: 'Sex disagrees with the ID number' },
  'field.area.unknown': { zh: '地区代码不存在', en: 'Unknown area code' },
  'field.area.out_of_scope': { zh: '地区不在您的管辖范围内', en: 'The area is outside your area' },
  'field.date.future': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'field.date.before_birth': { zh: '日期不能早于出生日期', en: 'The date cannot be before the birth date' },
  'field.person.not_found': { zh: '找不到该人员', en: 'Person not found' },
  'field.duplicate': { zh: '该记录已存在', en: 'This record already exists' },
  'field.event.not_applicable': { zh: '该人员当前状态不允许登记此变动', en: 'This event does not fit the person\'s current state' },
  'field.password.weak': { zh: '密码至少10位，且包含字母和数字', en: 'At least 10 characters with letters and digits' },
  ...BENEFITS_MESSAGES,
};

export function pickLang(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en-US' : 'zh-CN';
}

export function message(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const m = MESSAGES[code];
  const text = m ? (lang === 'en-US' ? m.en : m.zh) : code;
  return text.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}
