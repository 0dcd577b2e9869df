/** A throw-away CA and a server certificate for 127.0.0.1/localhost, generated at every start. */
import selfsigned from 'selfsigned';

export interface SimCertificates {
  caCertPem: string;
  serverCertPem: string;
  serverKeyPem: string;
}

export async function createCertificates(): Promise<SimCertificates> {
  const notAfterDate = new Date(Date.now() + 7 * 86_400_000);
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'PAL Desk simulated cloud CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { caCertPem: ca.cert, serverCertPem: server.cert, serverKeyPem: server.private };
}
