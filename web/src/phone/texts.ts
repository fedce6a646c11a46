// The phone app's words: zh-CN first, English beside it (the same structure as the console's i18n, kept small:
// the phone's first download carries no i18n library).
import { ref } from 'vue';

const zhCN = {
  title: '街道治理',
  tabs: { home: '首页', report: '报事', tasks: '工单', patrol: '巡查', inbox: '消息', me: '我的' },
  roles: { resident: '居民', 'grid-staff': '网格员' },
  home: { greeting: '您好，{name}', report: '我要报事', myReports: '我的报事', none: '还没有报事记录', tasks: '我的工单', patrol: '巡查上报', volunteer: '志愿服务', wishes: '微心愿', grids: '我的网格', visit: '走访登记' },
  report: {
    title: '反映问题', category: '问题类别', chooseCategory: '请选择类别', description: '问题描述', describe: '请描述问题（时间、地点、情况）',
    photos: '现场照片', location: '位置', locate: '获取当前位置', locating: '定位中…', located: '已定位 {lat}, {lng}',
    noLocation: '未定位：请获取位置', submit: '提交', queued: '已保存，联网后自动发送', sent: '已提交', needLocation: '请先获取位置',
    needCategory: '请选择问题类别', needDescription: '请描述问题', onMap: '在地图上选点', mapHint: '地图：点击问题所在的位置',
    picked: '地图选点 {lat}, {lng}',
  },
  patrol: { title: '巡查上报', step1: '① 拍照', step2: '② 选类别', step3: '③ 上报', takePhoto: '拍照', retake: '重拍', send: '上报', description: '巡查发现：{category}' },
  cases: { mine: '我的报事', tasks: '我的工单', todo: '待我办理', inMyGrids: '网格内全部', nearest: '由近及远', distance: '{km} 公里', none: '暂无', overdue: '超期', due: '办理期限 {date}' },
  case: {
    timeline: '办理过程', grid: '所在网格', reply: '答复', photos: '照片', rate: '评价', rated: '已评价：{rating}', accept: '受理', progress: '记录进展', resolve: '办结',
    replyTo: '答复反映人', verify: '现场核查', verifyPassed: '核查通过', verifyFailed: '核查未通过', text: '说明', resultPhotos: '办结照片',
    ratings: { Satisfied: '满意', BasicallySatisfied: '基本满意', Dissatisfied: '不满意' }, comment: '意见（可选）', queued: '已保存，联网后发送',
  },
  states: {
    Reported: '已上报', Registered: '已登记', Voided: '已作废', Dispatched: '已派遣', Accepted: '办理中', Deferred: '缓办',
    Resolved: '已办结', Verified: '已核查', Closed: '已结案', Mediating: '调解中', Coordinating: '协商中',
  } as Record<string, string>,
  actions: {
    Report: '上报', Register: '登记', Void: '作废', Merge: '合并', Dispatch: '派遣', Return: '回退', Accept: '受理', Progress: '进展',
    Defer: '缓办', Resume: '恢复办理', Extend: '延期', Escalate: '督办', Resolve: '办结', Reply: '答复', Rate: '评价', Reopen: '返工',
    Verify: '核查', Close: '结案', Rated: '评价', Warned: '临期提醒', Overdue: '超期', Merged: '合并',
  } as Record<string, string>,
  grids: {
    title: '我的网格', households: '{n} 户', none: '还没有分配网格', layers: '谁来负责', noOne: '未设置', visit: '走访登记',
  },
  visit: {
    title: '走访登记', grid: '网格', household: '走访对象（户）', findings: '走访情况', followUp: '后续跟进', raisesCase: '需要立案',
    yes: '是', no: '否', caseCategory: '案件类别', submit: '登记', sent: '已登记', needGrid: '请选择网格', needFindings: '请填写走访情况',
  },
  volunteer: {
    title: '志愿服务', register: '注册为志愿者', registered: '志愿者编号 {number}', near: '附近的活动', none: '暂无活动', signUp: '报名',
    full: '已满', mine: '我的报名', checkIn: '签到', checkInByCode: '按签到码签到', checkInHere: '按位置签到', checkOut: '签退', code: '签到码',
    hours: '我的服务时长', total: '已认定 {n} 小时', certificate: '开具今年的服务证明', certificateIssued: '证明编号 {number}，共 {hours} 小时',
    wishes: '微心愿', wish: '许一个微心愿', wishTitle: '心愿', wishDetail: '说明', post: '发布', statuses: '状态：{status}',
    km: '{km} 公里', signedUp: '已报名',
    signUpStatuses: { Confirmed: '已确认', Waitlisted: '候补', Cancelled: '已取消', NoShow: '未到' } as Record<string, string>,
    wishStatuses: { Posted: '待认领', Claimed: '已认领', Fulfilled: '已实现', Confirmed: '已确认' } as Record<string, string>,
  },
  inbox: { title: '消息', none: '暂无消息', live: '实时', offline: '离线' },
  outbox: { waiting: '{n} 项待发送', sending: '正在发送…', failed: '未能发送：{reason}', discard: '放弃', retry: '重试', title: '待发送' },
  me: { title: '我的', signOut: '退出登录', language: 'English', outboxEmpty: '没有待发送的内容', offline: '当前离线：所做的操作会保存在手机上，联网后自动发送' },
  signUp: { title: '注册', userName: '用户名', password: '密码', submit: '注册', done: '注册成功，请登录', hint: '字母、数字、点或下划线；密码至少 10 位', haveAccount: '已有账号？登录' },
  photos: { photo: '{label} 第 {n} 张', remove: '删除第 {n} 张照片' },
  failed: '操作失败：{reason}',
};

type Texts = typeof zhCN;

const en: Texts = {
  title: 'Subdistrict',
  tabs: { home: 'Home', report: 'Report', tasks: 'Tasks', patrol: 'Patrol', inbox: 'Inbox', me: 'Me' },
  roles: { resident: 'Resident', 'grid-staff': 'Grid staff' },
  home: { greeting: 'Hello, {name}', report: 'Report a problem', myReports: 'My reports', none: 'No reports yet', tasks: 'My tasks', patrol: 'Patrol report', volunteer: 'Volunteering', wishes: 'Small wishes', grids: 'My grids', visit: 'Log a visit' },
  report: {
    title: 'Report a problem', category: 'Category', chooseCategory: 'Choose a category', description: 'Description', describe: 'What, where, when',
    photos: 'Photos', location: 'Location', locate: 'Use my position', locating: 'Locating…', located: 'Located {lat}, {lng}',
    noLocation: 'No position yet', submit: 'Submit', queued: 'Saved: it is sent when the network returns', sent: 'Submitted', needLocation: 'Get the position first',
    needCategory: 'Choose a category', needDescription: 'Describe the problem', onMap: 'Choose on the map', mapHint: 'Map: tap where the problem is',
    picked: 'Chosen on the map {lat}, {lng}',
  },
  patrol: { title: 'Patrol report', step1: '① Photo', step2: '② Category', step3: '③ Send', takePhoto: 'Take photo', retake: 'Retake', send: 'Send', description: 'Found on patrol: {category}' },
  cases: { mine: 'My reports', tasks: 'My tasks', todo: 'To do', inMyGrids: 'All in my grids', nearest: 'Nearest first', distance: '{km} km', none: 'Nothing here', overdue: 'Overdue', due: 'Due {date}' },
  case: {
    timeline: 'Timeline', grid: 'Grid', reply: 'Reply', photos: 'Photos', rate: 'Rate', rated: 'Rated: {rating}', accept: 'Accept', progress: 'Record progress', resolve: 'Resolve',
    replyTo: 'Reply to reporter', verify: 'Verify on site', verifyPassed: 'Passed', verifyFailed: 'Not passed', text: 'Note', resultPhotos: 'Result photos',
    ratings: { Satisfied: 'Satisfied', BasicallySatisfied: 'Basically satisfied', Dissatisfied: 'Dissatisfied' }, comment: 'Comment (optional)', queued: 'Saved: sent when online',
  },
  states: {
    Reported: 'Reported', Registered: 'Registered', Voided: 'Voided', Dispatched: 'Dispatched', Accepted: 'In hand', Deferred: 'Deferred',
    Resolved: 'Resolved', Verified: 'Verified', Closed: 'Closed', Mediating: 'Mediating', Coordinating: 'Coordinating',
  },
  actions: {
    Report: 'Reported', Register: 'Registered', Void: 'Voided', Merge: 'Merged', Dispatch: 'Dispatched', Return: 'Returned', Accept: 'Accepted',
    Progress: 'Progress', Defer: 'Deferred', Resume: 'Resumed', Extend: 'Extended', Escalate: 'Escalated', Resolve: 'Resolved', Reply: 'Replied',
    Rate: 'Rated', Reopen: 'Reopened', Verify: 'Verified', Close: 'Closed', Rated: 'Rated', Warned: 'Deadline near', Overdue: 'Overdue',
    Merged: 'Merged',
  },
  grids: {
    title: 'My grids', households: '{n} households', none: 'No grid assigned yet', layers: 'Who is responsible', noOne: 'Not set', visit: 'Log a visit',
  },
  visit: {
    title: 'Log a visit', grid: 'Grid', household: 'Household visited', findings: 'Findings', followUp: 'Follow-up', raisesCase: 'Raise a case',
    yes: 'Yes', no: 'No', caseCategory: 'Case category', submit: 'Log', sent: 'Logged', needGrid: 'Choose a grid', needFindings: 'Write the findings',
  },
  volunteer: {
    title: 'Volunteering', register: 'Register as a volunteer', registered: 'Volunteer no. {number}', near: 'Activities near me', none: 'No activities', signUp: 'Sign up',
    full: 'Full', mine: 'My sign-ups', checkIn: 'Check in', checkInByCode: 'Check in by code', checkInHere: 'Check in here', checkOut: 'Check out', code: 'Code',
    hours: 'My hours', total: '{n} hours approved', certificate: "Certificate for this year's hours", certificateIssued: 'Certificate {number}: {hours} hours',
    wishes: 'Small wishes', wish: 'Make a small wish', wishTitle: 'Wish', wishDetail: 'Details', post: 'Post', statuses: 'Status: {status}',
    km: '{km} km', signedUp: 'Signed up',
    signUpStatuses: { Confirmed: 'Confirmed', Waitlisted: 'Waitlisted', Cancelled: 'Cancelled', NoShow: 'No-show' },
    wishStatuses: { Posted: 'Posted', Claimed: 'Claimed', Fulfilled: 'Fulfilled', Confirmed: 'Confirmed' },
  },
  inbox: { title: 'Inbox', none: 'No messages', live: 'Live', offline: 'Offline' },
  outbox: { waiting: '{n} waiting to send', sending: 'Sending…', failed: 'Not sent: {reason}', discard: 'Discard', retry: 'Retry', title: 'Waiting to send' },
  me: { title: 'Me', signOut: 'Sign out', language: '中文', outboxEmpty: 'Nothing waiting to send', offline: 'Offline: what you do is kept on the phone and sent when the network returns' },
  signUp: { title: 'Sign up', userName: 'User name', password: 'Password', submit: 'Sign up', done: 'Signed up: now sign in', hint: 'Letters, digits, dots or underscores; a password of 10 or more', haveAccount: 'Have an account? Sign in' },
  photos: { photo: '{label} {n}', remove: 'Remove photo {n}' },
  failed: 'Failed: {reason}',
};


export type PhoneLocale = 'zh-CN' | 'en';
export const locale = ref<PhoneLocale>(localStorage.getItem('platform.locale') === 'en' ? 'en' : 'zh-CN');

export function setLocale(next: PhoneLocale): void {
  locale.value = next;
  localStorage.setItem('platform.locale', next);
  document.documentElement.lang = next;
}

function lookup(path: string): string | undefined {
  const found = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locale.value === 'en' ? en : zhCN);
  return typeof found === 'string' ? found : undefined;
}

/** A text by its dotted path, with {name} placeholders filled: t('report.located', { lat: 1, lng: 2 }). */
export function t(path: string, values: Record<string, string | number> = {}): string {
  return (lookup(path) ?? path).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The name of an API value (a state, a step) in the app's language, or the value itself when it has none. */
export function named(group: 'states' | 'actions' | 'volunteer.signUpStatuses' | 'volunteer.wishStatuses', value: string): string {
  return lookup(`${group}.${value}`) ?? value;
}
