// The shell's messages in Chinese (Simplified), the product's first language; every key here must exist in en.ts
// too. Each feature keeps its own messages in its folder (features/<name>/i18n.zh-CN.ts, i18n.en.ts).
export const zhCN = {
  'app.name': '社区工作者管理系统',
  'app.language.switch': 'English',
  'app.language.switchLabel': '切换语言',
  'app.loading': '正在加载…',
  'app.signOut': '退出登录',
  'app.home': '首页',
  'app.menu': '菜单',
  'app.account': '账号菜单',
  'app.scope': '管辖范围：{name}',
  'app.scope.all': '全市',
  'app.mustChangePassword': '您正在使用临时密码，请先修改密码。',
  'app.mustChangePassword.action': '去修改',

  'nav.workbench': '工作台',

  'workbench.title': '我的待办',
  'workbench.empty': '暂无待办事项',
  'workbench.open': '去处理',
  'workbench.count': '{count} 项',
  'workbench.error': '待办加载失败',

  'role.admin': '系统管理员',
  'role.hr': '人事专员',
  'role.leader': '街道领导',
  'role.worker': '社区工作者',

  'page.notFound.title': '页面不存在',
  'page.notFound.subtitle': '您访问的页面不存在或已被移除。',
  'page.forbidden.title': '无权访问',
  'page.forbidden.subtitle': '您的角色无权打开此页面。如需访问，请联系系统管理员。',
  'page.backHome': '返回首页',
  'page.error.title': '加载失败',
  'page.retry': '重试',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.unexpected': '操作失败',
  'error.sessionEnded': '登录已失效，请重新登录。',
  'error.versionConflict': '数据已被他人修改，已为您刷新，请核对后重试。',

  'auth.signIn.title': '登录',
  'auth.signIn.subtitle': '请使用您的账号登录',
  'auth.signIn.userName': '用户名',
  'auth.signIn.password': '密码',
  'auth.signIn.submit': '登录',
  'auth.signIn.userNameRequired': '请输入用户名',
  'auth.signIn.passwordRequired': '请输入密码',
  'auth.error.invalidCredentials': '用户名或密码错误。',
  'auth.error.accountLocked': '密码错误次数过多，账号已被锁定，请于 {time} 后再试。',
  'auth.error.accountLockedNoTime': '密码错误次数过多，账号已被暂时锁定，请稍后再试。',
  'auth.error.accountDisabled': '该账号已被停用，请联系系统管理员。',
  'auth.resume.delayedTitle': '正在恢复登录',
  'auth.resume.delayed': '服务器暂时繁忙或无法连接，您的登录仍然有效，系统会自动重试。也可以立即重试或重新登录。',
  'auth.resume.signInAgain': '重新登录',
  'auth.error.rateLimited': '登录尝试过于频繁，请稍后再试。',
  'auth.error.failed': '登录失败',

  'common.total': '共 {total} 条',
  'common.filter': '筛选：{name}',
  'common.clearFilter': '清除筛选',
  'common.query': '查询',
  'common.reset': '重置',
  'common.requiredField': '{field}不能为空',
  'common.actions': '操作',
  'common.saved': '已保存',

  'common.ok': '确定',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.create': '创建',
  'common.required': '必填',
  'common.refresh': '刷新',
} as const;

export type ShellMessageKey = keyof typeof zhCN;
export type ShellMessages = Record<ShellMessageKey, string>;
