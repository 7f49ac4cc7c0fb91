import assert from 'node:assert/strict';
import { randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound, detect } from './five-contexts';

const SQL_RULE = 'secret-manager/sql-password';
const CONNECTION_STRING_RULE = 'secret-manager/connection-string-password';
const LOCAL_URL_RULE = 'secret-manager/local-url-password';

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

  it("finds the password of a connection string of keys and values, in code, JSON and XML", async () => {
    const password = randomText(18);
    await assertFinds(`var cs = "Server=db;Database=shop;User Id=sa;Password=${password};TrustServerCertificate=True";\n`, CONNECTION_STRING_RULE, password, '/w/src/Program.cs');
    await assertFinds(`{\n  "ConnectionStrings": {\n    "Default": "Server=db;User=SA;Password=${password}"\n  }\n}\n`, CONNECTION_STRING_RULE, password, '/w/appsettings.json');
    await assertFinds(`<add name="Default" connectionString="Data Source=db;Initial Catalog=app;Pwd=${password};" />\n`, CONNECTION_STRING_RULE, password, '/w/Web.config');
    await assertFinds(`conn = psycopg.connect("host=db user=app password=${password} dbname=shop")\n`, CONNECTION_STRING_RULE, password, '/w/app/db.py');
    await assertFinds(`String url = "jdbc:sqlserver://db:1433;user=sa;password=${password};encrypt=true";\n`, CONNECTION_STRING_RULE, password, '/w/src/Db.java');
  });

  it('leaves connection strings with stand-in passwords alone, and "password=" outside one', async () => {
    await assertNothingFound('var cs = "Server=db;User Id=sa;Password={0};";\n', '/w/src/Program.cs');
    await assertNothingFound('var cs = "Server=db;User Id=sa;Password=yourStrong(!)Password;";\n', '/w/src/Program.cs');
    await assertNothingFound('"Default": "Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True;Password=$(DB_PASSWORD)"\n', '/w/appsettings.json');
    await assertNothingFound(`const query = "reset?password=${randomText(18)}";\n`, '/w/src/reset.ts');
    await assertNothingFound('var data = new { Username = _mockEncryptedString, Password = _mockEncryptedString };\n', '/w/test/AccountsTests.cs');
  });

  it("reads a form's body field by field: a weak password there is left alone, a random one is found", async () => {
    await assertNothingFound('<request>userName=admin&amp;password=Admin_123&amp;_csrf=</request>\nuserName=admin&password=Admin_123&_csrf=abc\n', '/w/scans/report.xml');
    const password = randomText(18);
    await assertFinds(`body: "user=app;host=db&password=${password}&x=1"\n`, CONNECTION_STRING_RULE, password, '/w/src/client.ts');
  });

  it('finds a random password in a URL to the local machine, which the preset leaves out, and leaves weak ones alone', async () => {
    // A fixed value: about one random twelve-character password in a hundred is too plain (or reads as words) to report.
    const password = 'Rk7vQ2xLp9Wm';
    await assertFinds(`export MC_HOST_minio1=http://minr0ot:${password}@localhost:9001\n`, LOCAL_URL_RULE, password, '/w/docs/setup.sh');
    await assertFinds(`const url = "https://deploy:${password}@localhost/api";\n`, LOCAL_URL_RULE, password, '/w/src/client.ts');
    await assertNothingFound('curl http://admin:admin123@localhost:9200/_cat\nurl = "http://elastic:changeme@localhost:9200"\nx = "http://u:${PASSWORD}@localhost"\n', '/w/docs/setup.sh');
    await assertNothingFound(`const url = "http://same${password}:same${password}@localhost";\n`, '/w/src/client.ts');
  });

  it("judges a URL's password from the user's first colon to the host's \"@\": a parser's test cases are left alone, a random password is found", async () => {
    await assertNothingFound('cases := []string{"postgres://a@user:supersecret:secretpart@host/db", "postgres://a@u:sec:ret@h", "postgres://user:sec%zzret@host/db"}\n', '/w/pgconn/config_test.go');
    await assertNothingFound("const options = { url: 'mysql://root:asd123@localhost:3306/mydb' };\n", '/w/test/types/define.ts');
    const password = `${randomText(18)}aB7`;
    const found = await detect(`const url = "postgres://ops:${password}@db.internal:5432/app";\n`, '/w/src/db.ts');
    assert.equal(found.length, 1);
  });

  it("finds the password of OpenStack's and Celery's broker URLs (rabbit://, pyamqp://); not a weak one", async () => {
    const password = `${randomText(36)}aB7`;
    await assertFinds(`rpc_transport_url: rabbit://openstack:${password}@10.0.0.1:5672\n`, 'secret-manager/database-url-password', password, '/w/doc/source/external-rabbitmq-guide.rst');
    await assertFinds(`broker_url = 'pyamqp://celery:${password}@broker//'\n`, 'secret-manager/database-url-password', password, '/w/proj/celeryconfig.py');
    await assertNothingFound("transport_url = 'rabbit://openstack:guest@localhost:5672/'\n", '/w/etc/nova.conf');
  });

  it("leaves a local setup's password made of its user's or database's name alone, whichever rule reads the URL", async () => {
    await assertNothingFound('export DATABASE_URL="mysql+pymysql://ctfduser:ctfd@localhost/ctfd"\nurl = "postgres://app:appdb@db:5432/appdb"\n', '/w/Vagrantfile');
    const password = `${randomText(18)}aB7`;
    assert.equal((await detect(`url = "postgres://app:${password}@db:5432/appdb"\n`, '/w/config/settings.py')).length, 1);
  });
});

