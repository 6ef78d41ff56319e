// Starts the S3-compatible test server: node start.mjs PORT DATA_DIRECTORY (loopback only, creates no bucket).
import { AsyncLocalStorage } from 'node:async_hooks'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const S3rver = require('@20minutes/s3rver')
const { getConfigModel } = require('@20minutes/s3rver/lib/models/config')
const v4 = require('@20minutes/s3rver/lib/signature/v4')

const [port, directory] = process.argv.slice(2)
const server = new S3rver({ address: '127.0.0.1', port: Number(port), directory })

// s3rver keeps CORS rules per bucket, and the buckets are made later by the app and the tests:
// a bucket without rules of its own answers browsers as if it allowed any origin.
const anyOrigin = getConfigModel('cors').validate(
  '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod>' +
    '<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>' +
    '<ExposeHeader>ETag</ExposeHeader></CORSRule></CORSConfiguration>'
)
const ownRules = server.store.getSubresource.bind(server.store)
server.store.getSubresource = async (bucket, key, type) =>
  (await ownRules(bucket, key, type)) ?? (type === 'cors' ? anyOrigin : null)

// s3rver rebuilds the signed path from the bucket name and drops the trailing slash that the AWS SDKs send (and
// sign) on bucket requests such as PutBucket, so it refused every one of them: sign the path as it was sent.
const requestPath = new AsyncLocalStorage()
server.middleware.unshift((ctx, next) => requestPath.run(ctx.path, next))
const stringToSign = v4.getStringToSign
v4.getStringToSign = (canonical, request) =>
  stringToSign(
    requestPath.getStore()?.endsWith('/') && !canonical.uri.endsWith('/') ? { ...canonical, uri: `${canonical.uri}/` } : canonical,
    request
  )

// The AWS SDKs send x-amz-copy-source URL-encoded as a whole ("bucket%2Fkey"), as S3 documents; s3rver decodes it
// with decodeURI, which keeps "%2F", so no copy found its bucket. Decoded fully here, after the signature was checked.
const objects = require('@20minutes/s3rver/lib/controllers/object')
const copyObject = objects.putObjectCopy
objects.putObjectCopy = (ctx) => {
  ctx.headers['x-amz-copy-source'] = decodeURIComponent(ctx.headers['x-amz-copy-source'])
  return copyObject(ctx)
}

const address = await server.run()
console.log(`s3rver listening on ${address.address}:${address.port}, data in ${directory}`)
