// Every kind of bad request gets EC2's answer (status + <Response><Errors>... envelope), never a crash or
// a hang, and the server keeps serving afterwards. Raw HTTP on loopback against the real server module.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniEc2 } from '../../src/mini-ec2/index.ts';
import { startMiniEc2Server, type RunningServer } from '../../src/mini-ec2/server/http-server.ts';
import { errorCodeOf, fakeAuthorization, rawHttp } from './helpers.ts';

let server: RunningServer;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  server = await startMiniEc2Server(new MiniEc2({ seed: 7 }), {
    port: 0,
    headersTimeoutMs: 400,
    requestTimeoutMs: 800,
    onInternalError: (error) => internalErrors.push(error),
  });
});
afterAll(() => server.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, code: errorCodeOf(text) };
}

const V = 'Version=2016-11-15';

describe('the EC2 error envelope', () => {
  it('answers an unknown action with InvalidAction, 400, in <Response><Errors><Error>', async () => {
    const r = await post(`Action=LaunchRocket&${V}`);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>InvalidAction<\/Code><Message>The action LaunchRocket is not valid for this web service.<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/);
  });

  it('tells an EC2 action mini-EC2 does not serve apart from an unknown one', async () => {
    const r = await post(`Action=AllocateHosts&${V}`);
    expect([r.status, r.code]).toEqual([400, 'UnsupportedOperation']);
  });

  it('requires an Action', async () => {
    const r = await post(V);
    expect([r.status, r.code]).toEqual([400, 'MissingAction']);
  });

  it('requires Version, and only 2016-11-15', async () => {
    const missing = await post('Action=DescribeRegions');
    expect([missing.status, missing.code]).toEqual([400, 'MissingParameter']);
    expect(missing.text).toContain('Version');
    const wrong = await post('Action=DescribeImages&Version=1999-01-01');
    expect([wrong.status, wrong.code]).toEqual([400, 'NoSuchVersion']);
  });

  it('rejects a malformed form body (bad percent escape) with MalformedQueryString', async () => {
    const r = await post(`Action=DescribeImages&${V}&Owner.1=%zz`);
    expect([r.status, r.code]).toEqual([404, 'MalformedQueryString']);
    const utf8 = await post(`Action=DescribeImages&${V}&Owner.1=%C3%28`);
    expect(utf8.code).toBe('MalformedQueryString');
  });

  it('rejects a parameter given twice', async () => {
    const r = await post(`Action=DescribeImages&${V}&Owner.1=self&Owner.1=amazon`);
    expect([r.status, r.code]).toEqual([400, 'InvalidParameterValue']);
  });

  it('rejects bad numbers and booleans with InvalidParameterValue naming the parameter', async () => {
    const n = await post(`Action=RunInstances&${V}&ImageId=ami-12345678&MinCount=1&MaxCount=two`);
    expect([n.status, n.code]).toEqual([400, 'InvalidParameterValue']);
    expect(n.text).toContain('MaxCount');
    for (const bad of ['1.5', '1e3', '', '99999999999999999999', '0x10']) {
      const r = await post(`Action=RunInstances&${V}&ImageId=ami-12345678&MinCount=${bad}&MaxCount=2`);
      expect([bad, r.code]).toEqual([bad, 'InvalidParameterValue']);
    }
    const b = await post(`Action=RunInstances&${V}&ImageId=ami-12345678&MinCount=1&MaxCount=1&DryRun=maybe`);
    expect([b.status, b.code]).toEqual([400, 'InvalidParameterValue']);
    expect(b.text).toContain('DryRun');
    const nested = await post(`Action=RunInstances&${V}&ImageId=ami-12345678&MinCount=1&MaxCount=1&BlockDeviceMapping.1.Ebs.VolumeSize=big`);
    expect(nested.text).toContain('BlockDeviceMapping.1.Ebs.VolumeSize');
  });

  it('rejects unknown parameters with UnknownParameter, at any depth', async () => {
    const top = await post(`Action=DescribeImages&${V}&Colour=red`);
    expect([top.status, top.code]).toEqual([400, 'UnknownParameter']);
    expect(top.text).toContain('The parameter Colour is not recognized');
    const deep = await post(`Action=DescribeImages&${V}&Filter.1.Nmae=name&Filter.1.Value.1=x`);
    expect(deep.text).toContain('The parameter Filter.1.Nmae is not recognized');
    const unindexed = await post(`Action=DescribeImages&${V}&ImageId=ami-12345678`);
    expect(unindexed.code).toBe('UnknownParameter');
    const zero = await post(`Action=DescribeImages&${V}&ImageId.0=ami-12345678`);
    expect(zero.code).toBe('UnknownParameter');
    const sdkName = await post(`Action=DescribeImages&${V}&ImageIds.1=ami-12345678`); // the SDK's name, not the wire's
    expect(sdkName.code).toBe('UnknownParameter');
  });

  it('refuses bodies over 1 MB with 413, declared or streamed', async () => {
    const big = `Action=DescribeImages&${V}&Owner.1=${'a'.repeat(1024 * 1024)}`;
    const declared = await post(big);
    expect([declared.status, declared.code]).toEqual([413, 'RequestEntityTooLarge']);
    const chunked = await rawHttp(server.port, [
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
      ...Array.from({ length: 20 }, () => `10000\r\n${'a'.repeat(0x10000)}\r\n`),
      '0\r\n\r\n',
    ]);
    expect(chunked.status).toBe(413);
    expect(errorCodeOf(chunked.text)).toBe('RequestEntityTooLarge');
  });

  it('times out a request whose headers never finish (408, connection closed)', async () => {
    const r = await rawHttp(server.port, ['POST / HTTP/1.1\r\nHost: x\r\n', { wait: 2_500 }]);
    expect(r.status).toBe(408);
    expect(errorCodeOf(r.text)).toBe('RequestTimeout');
    expect(r.closedByServer).toBe(true);
  });

  it('times out a half-sent body (408, connection closed)', async () => {
    const r = await rawHttp(server.port, [
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=Desc',
      { wait: 3_000 },
    ]);
    expect(r.status).toBe(408);
    expect(errorCodeOf(r.text)).toBe('RequestTimeout');
    expect(r.closedByServer).toBe(true);
  });

  it('answers unparsable HTTP with 400', async () => {
    const r = await rawHttp(server.port, ['THIS IS NOT HTTP\r\n\r\n']);
    expect(r.status).toBe(400);
    expect(r.text).toContain('<Response><Errors>');
  });

  it('accepts POST and GET with a query string, refuses other methods', async () => {
    const get = await fetch(`${server.url}/?Action=DescribeRegions&${V}`);
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">');
    const bare = await fetch(`${server.url}/`);
    expect([bare.status, errorCodeOf(await bare.text())]).toEqual([405, 'UnsupportedHttpVerb']);
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const r = await fetch(`${server.url}/?Action=DescribeRegions&${V}`, { method });
      expect([method, r.status, errorCodeOf(await r.text())]).toEqual([method, 405, 'UnsupportedHttpVerb']);
    }
  });

  it('answers a CORS preflight, so SDK clients in a browser can call it', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4321', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,x-amz-date,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,x-amz-date,content-type');
    const answer = await post(`Action=DescribeRegions&${V}`);
    expect(answer.status).toBe(200);
    const bare = await fetch(server.url, { method: 'OPTIONS' }); // not a preflight: an unsupported method
    expect(bare.status).toBe(405);
  });

  it('reads the region from the SigV4 credential scope', async () => {
    const east = await post(`Action=DescribeImages&${V}&Owner.1=amazon`, { authorization: fakeAuthorization('us-east-1') });
    const west = await post(`Action=DescribeImages&${V}&Owner.1=amazon`, { authorization: fakeAuthorization('us-west-2') });
    const ids = (xml: string) => [...xml.matchAll(/<imageId>(ami-[0-9a-f]+)<\/imageId>/g)].map((m) => m[1]);
    expect(ids(east.text).length).toBeGreaterThan(0);
    expect(ids(west.text).length).toBeGreaterThan(0);
    expect(ids(east.text).filter((id) => ids(west.text).includes(id))).toEqual([]);
    const mars = await post(`Action=DescribeImages&${V}&Owner.1=amazon`, { authorization: fakeAuthorization('mars-north-1') });
    expect([mars.status, mars.code]).toEqual([400, 'InvalidParameterValue']);
    expect(mars.text).toContain('mars-north-1');
    const presigned = await fetch(`${server.url}/?Action=DescribeImages&${V}&Owner.1=amazon&X-Amz-Credential=${encodeURIComponent('test/20260115/us-west-2/ec2/aws4_request')}`);
    expect(ids(await presigned.text())).toEqual(ids(west.text));
  });

  it('keeps a connection alive across requests, and is still healthy after all of the above', async () => {
    const body = `Action=DescribeRegions&${V}`;
    const request = `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const r = await rawHttp(server.port, [request, { wait: 100 }, request], { timeoutMs: 1_000 });
    expect(r.text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(r.closedByServer).toBe(false);
    expect(internalErrors).toEqual([]);
  });
});
