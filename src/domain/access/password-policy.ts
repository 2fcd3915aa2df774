/** Problems with a proposed password, in Chinese and English; empty when acceptable. */
export function passwordProblems(password: string, username: string): { message: string; messageZh: string }[] {
  const problems: { message: string; messageZh: string }[] = [];
  if (password.length < 12) problems.push({ message: 'at least 12 characters', messageZh: '至少 12 个字符' });
  if (password.length > 256) problems.push({ message: 'at most 256 characters', messageZh: '最多 256 个字符' });
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3)
    problems.push({
      message: 'use at least three of: lower case, upper case, digits, symbols',
      messageZh: '需包含小写字母、大写字母、数字、符号中的至少三类',
    });
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push({ message: 'must not contain the user name', messageZh: '不得包含用户名' });
  return problems;
}
