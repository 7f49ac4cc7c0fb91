import { groupRange, type ProjectRule } from '../project-rule';
import { judgeUrlPassword, judgeValue } from '../value-judgement';
import { groupJudgedUnderName } from './credential-match';

/** Passwords that ship in examples and local development setups. */
const DEVELOPMENT_PASSWORDS = new Set(['password', 'pass', 'secret', 'postgres', 'mysql', 'root', 'admin', 'guest', 'redis', 'example', 'changeme', 'test', 'dev']);

/**
 * A password inside a database or broker URL: scheme://user:password@host. The recommended
 * preset covers postgres, mysql and mongodb with a range that spills past the URL; this rule
 * reports the URL's password itself, for those and for redis, amqp (and OpenStack's `rabbit://`, Celery's
 * `pyamqp://`), mariadb, mssql, MQTT, LDAP, SMTP and NATS.
 */
export const databaseUrlRule: ProjectRule = {
  id: 'secret-manager/database-url-password',
  title: 'Password in a database URL',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  // Every scheme the pattern takes, with its "://": a file that holds none of them skips the rule.
  requiredText: [
    'postgres://',
    'postgresql://',
    'mysql://',
    'mysqlx://',
    'mariadb://',
    'mongodb://',
    'mongodb+srv://',
    'redis://',
    'rediss://',
    'amqp://',
    'amqps://',
    'pyamqp://',
    'rabbit://',
    'mssql://',
    'sqlserver://',
    'mqtt://',
    'mqtts://',
    'ldap://',
    'ldaps://',
    'smtp://',
    'smtps://',
    'nats://',
  ],
  matchesStartInRequiredText: '://',
  // Starts at the "://" with the scheme checked behind it: V8 then skips ahead to each "://" fast,
  // where a leading alternation of schemes was tried at every position (three times slower).
  pattern:
    /:\/\/(?<=\b(?:postgres(?:ql)?|mysqlx?|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|pyamqp|rabbit|mssql|sqlserver|mqtts?|ldaps?|smtps?|nats):\/\/)(?<user>[^:/\s@"'`]{0,100}):(?<password>[^@/\s"'`]{1,200})@(?<host>[^/\s?"'`]{1,200})/dg,
  accept(match) {
    const { user = '', password = '' } = match.groups ?? {};
    // `ctfduser:ctfd@localhost/ctfd`: a local setup's password made of its user's or database's name.
    if (password.length < 4 || isNamedForItsUserOrDatabase(password, user, match.input, match.index + match[0].length)) return undefined;
    if (DEVELOPMENT_PASSWORDS.has(password.toLowerCase())) return undefined;
    const { confidence } = judgeUrlPassword(password);
    const range = confidence > 0 ? groupRange(match, 'password') : undefined;
    return range && { ...range, confidence };
  },
};

/**
 * A password in a web URL to the local machine: `http://minio:pBU9…@localhost:9001`. The preset's
 * Basic-auth rule reports web URLs to hosts with a dot (`127.0.0.1` too) and leaves out `localhost`; a random password there is
 * still a server's real one (a local MinIO's root password, copied from the compose file that sets it).
 * Judged as any value under a password's name, unboosted, so `admin:admin123@localhost` is left alone.
 */
export const localUrlPasswordRule: ProjectRule = {
  id: 'secret-manager/local-url-password',
  title: 'Password in a URL to a local server',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  requiredText: ['@localhost'],
  pattern: /\b(?:https?|ftps?|wss?):\/\/(?<user>[\w.-]{1,100}):(?<password>[^@/\s"'`]{8,200})@localhost(?![\w.-])/dg,
  accept(match) {
    const { user = '', password = '' } = match.groups ?? {};
    if (password === user) return undefined;
    return groupJudgedUnderName(match, 'password', 'password');
  },
};

/** The start of a statement that gives a database user or role its password, on the same line. */
const CREATES_A_LOGIN = /\b(?:create|alter)\s+(?:user|role|login)\b[^;]*$/i;

/**
 * A password given to a database user in SQL: `CREATE ROLE app WITH LOGIN PASSWORD '…'` (PostgreSQL),
 * `CREATE USER 'app'@'%' IDENTIFIED BY '…'` (MySQL), `CREATE LOGIN app WITH PASSWORD = '…'` (SQL Server),
 * in init scripts and migrations.
 */
export const sqlPasswordRule: ProjectRule = {
  id: 'secret-manager/sql-password',
  title: 'Password in SQL',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  // Not keywords: "password" in the keyword pass cost every file 25–35 ms on the bench tree. The
  // pattern runs where one of these starts; the statement before it is checked after.
  // With their quote: "password" alone is in most files, and tracking its every start cost 6% of a scan.
  requiredText: ["PASSWORD '", "PASSWORD = '", "password '", "password = '", "IDENTIFIED BY '", "identified by '"],
  matchesStartInRequiredText: true,
  pattern: /(?:password|identified\s+by)\s*=?\s*'([^'\n]{1,200})'/dgi,
  accept(match) {
    const lineStart = match.input.lastIndexOf('\n', match.index) + 1;
    if (!CREATES_A_LOGIN.test(match.input.slice(Math.max(lineStart, match.index - 300), match.index))) return undefined;
    const range = groupRange(match, 1);
    const { verdict, confidence } = judgeValue(match[1], 'name', { name: 'password' });
    return range && verdict === 'credential' ? { ...range, confidence } : undefined;
  },
};

/** Another key of the same connection string: where the database is, or who signs in. */
const CONNECTION_STRING_KEY = /(?:^|[;"'\s])(?:server|data source|host|address|addr|user id|userid|uid|user|username|user name|database|initial catalog|port|endpoint|accountname)=/i;

/**
 * The password of a connection string of keys and values: ADO.NET's
 * `Server=db;User Id=sa;Password=…;`, JDBC's `;user=sa;password=…`, libpq's `host=db password=…`,
 * written inside a string literal, where the credential-field rule looks for a whole quoted value.
 */
export const connectionStringPasswordRule: ProjectRule = {
  id: 'secret-manager/connection-string-password',
  title: 'Password in a connection string',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  // Without blanks around "=", as connection strings are written: `Password = value` is code.
  requiredText: ['Password=', 'password=', 'PASSWORD=', 'Pwd=', 'pwd=', 'PWD='],
  matchesStartInRequiredText: true,
  // Not past "&": `userName=admin&password=…&_csrf=` is a form's body, one field after another.
  pattern: /(?<![\w-])(?:password|pwd)=(?<value>[^;"'\s<>&]{1,200})/dgi,
  accept(match) {
    const lineStart = match.input.lastIndexOf('\n', match.index) + 1;
    let lineEnd = match.input.indexOf('\n', match.index);
    if (lineEnd === -1) lineEnd = match.input.length;
    const before = match.input.slice(Math.max(lineStart, match.index - 300), match.index);
    const after = match.input.slice(match.index + match[0].length, Math.min(lineEnd, match.index + match[0].length + 300));
    if (!CONNECTION_STRING_KEY.test(before) && !CONNECTION_STRING_KEY.test(after)) return undefined;
    return groupJudgedUnderName(match, 'value', 'password');
  },
};

/** True when the password is the URL's database name or part of its user's name (`ctfduser:ctfd@…/ctfd`). */
export function isNamedForItsUserOrDatabase(password: string, user: string, text: string, afterHost: number): boolean {
  const lowered = password.toLowerCase();
  const database = /^[^/\s"'`]*\/([\w-]+)/.exec(text.slice(afterHost, afterHost + 200))?.[1]?.toLowerCase();
  return (lowered.length >= 3 && user.toLowerCase().includes(lowered)) || lowered === database;
}

