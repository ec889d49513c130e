// Audit's messages in Chinese (Simplified), the product's first language; i18n.en.ts has the same keys.
export const auditZhCN = {
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
