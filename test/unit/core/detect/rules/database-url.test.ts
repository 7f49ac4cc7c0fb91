import { randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound } from './five-contexts';

const SQL_RULE = 'secret-manager/sql-password';

describe('core/detect/rules/database-url', () => {
  it('finds a password given to a database user in PostgreSQL, MySQL and SQL Server', async () => {
    const password = randomText(20);
    await assertFinds(`CREATE ROLE jit_user WITH LOGIN PASSWORD '${password}';\n`, SQL_RULE, password, '/w/priv/init.sql');
    await assertFinds(`CREATE USER 'app'@'%' IDENTIFIED BY '${password}';\n`, SQL_RULE, password, '/w/docker/init.sql');
    await assertFinds(`create login app with password = '${password}';\n`, SQL_RULE, password, '/w/db/setup.sql');
    await assertFinds(`ALTER USER postgres WITH PASSWORD '${password}';\n`, SQL_RULE, password, '/w/db/setup.sql');
  });

  it('leaves development passwords, psql variables and templates alone', async () => {
    await assertNothingFound("ALTER USER postgres PASSWORD 'postgres';\n", '/w/init.sql');
    await assertNothingFound("CREATE ROLE reader WITH LOGIN PASSWORD :'reader_password';\n", '/w/init.sql');
    await assertNothingFound("CREATE USER app WITH PASSWORD '${DB_PASSWORD}';\n", '/w/init.sql');
    await assertNothingFound("-- The password column holds a bcrypt hash: 'see docs'\n", '/w/init.sql');
  });
});
