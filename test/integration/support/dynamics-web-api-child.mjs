/**
 * Reads every system user of a Dataverse instance with dynamics-web-api (a client not written by us), in its own process: the
 * client makes its own https.Agent with no CA option, so the simulated cloud's CA comes in through NODE_EXTRA_CA_CERTS, Node's
 * supported way; TLS is verified as usual. The instance URL and page size are arguments, the access token comes on standard input,
 * and the users come back on standard output as JSON.
 */
import { DynamicsWebApi } from 'dynamics-web-api';

const [serverUrl, maxPageSize] = process.argv.slice(2);
let token = '';
for await (const chunk of process.stdin) token += chunk;

const api = new DynamicsWebApi({ serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => token.trim() });
try {
  const all = await api.retrieveAll({ collection: 'systemusers', select: ['azureactivedirectoryobjectid', 'isdisabled'], maxPageSize: Number(maxPageSize) });
  process.stdout.write(JSON.stringify({ users: all.value.map((u) => ({ azureObjectId: u.azureactivedirectoryobjectid, isDisabled: u.isdisabled })) }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: { status: error.status ?? null, message: error.message ?? String(error) } }));
}
