// Audit's messages in Chinese (Simplified), the product's first language; i18n.en.ts has the same keys.
export const auditZhCN = {
  'auditField.code': '代码',
  'auditField.level': '层级',
  'audit.filter.dates': '时间范围',
  'auditField.status': '状态',
  'auditField.name': '姓名/名称',
  'auditField.title': '岗位名称',
  'auditField.quota': '编制',
  'auditField.reason': '原因',
  'auditField.phone': '手机号',
  'auditField.education': '学历',
  'auditField.politicalStatus': '政治面貌',
  'auditField.ethnicGroup': '民族',
  'auditField.hireDate': '入职日期',
  'auditField.serviceStartDate': '参加工作日期',
  'auditField.effectiveOn': '生效日期',
  'auditField.proposedOn': '拟轮岗日期',
  'auditField.submit': '立即提交',
  'auditField.households': '户数',
  'auditField.population': '人口',
  'auditField.startedOn': '开始日期',
  'auditField.endedOn': '结束日期',
  'auditField.closedOn': '撤销日期',
  'auditField.role': '角色',
  'nav.auditLog': '审计日志',
  'audit.title': '审计日志',
  'audit.hint': '记录每一次数据变更，以及查看、导出身份证号和下载个人数据的操作（谁、何时、为何）。人事专员只能看到本辖区的记录。',
  'audit.filter.action': '操作代码（前缀），如 staffing.worker',
  'audit.filter.userName': '操作人账号',
  'audit.filter.q': '搜索操作、账号、对象类型或原因',
  'audit.col.time': '时间',
  'audit.col.user': '操作人',
  'audit.col.role': '角色',
  'audit.col.action': '操作',
  'audit.col.entity': '对象',
  'audit.col.reason': '原因',
  'audit.col.changes': '变更内容',
  'audit.empty': '没有符合条件的记录',
};

declare module '../../app/i18n' {
  interface FeatureMessageRegistry {
    audit: typeof auditZhCN;
  }
}
