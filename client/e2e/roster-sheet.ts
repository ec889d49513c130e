import * as XLSX from 'xlsx';

/** The roster template's columns, as GET /api/staffing/workers/import-template names them. */
export const rosterColumns = [
  '工号',
  '姓名',
  '身份证号',
  '民族',
  '政治面貌',
  '学历',
  '手机号',
  '入职日期',
  '社区工作起始日期',
  '所属单位编码',
  '岗位名称',
  '任职开始日期',
] as const;
export type RosterRow = Partial<Record<(typeof rosterColumns)[number], string>>;

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** A valid GB 11643 citizen ID for a birth date (YYYYMMDD) and 3-digit sequence (odd = male). */
export function citizenId(birth: string, sequence: number): string {
  const body = `310106${birth}${String(sequence).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return body + checkChars[sum % 11];
}

/** An .xlsx workbook with one 花名册 sheet holding the rows under the template's header. */
export function rosterWorkbook(rows: readonly RosterRow[]): Buffer {
  const aoa = [[...rosterColumns], ...rows.map((row) => rosterColumns.map((c) => row[c] ?? ''))];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '花名册');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
