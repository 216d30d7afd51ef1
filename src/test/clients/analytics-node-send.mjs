// Sends calls with the published @segment/analytics-node client, as a site's server would.
//
//   node analytics-node-send.mjs <host> <writeKey> [maxRetries] < calls.json
//
// calls.json is a list of {"call": "identify|track|page|screen|group|alias", "args": {...}}, the args as the
// client's methods take them. All calls go out in one batch (flushAt = their number). Prints one JSON line on stdout:
// {"messageIds": [...]} in the order of the calls. Exits 1 when the client reports an error (a refused batch, a
// failed delivery), printing the error on stderr; every request and response is logged on stderr.
import { Analytics } from '@segment/analytics-node'
import { readFileSync } from 'node:fs'

const [host, writeKey, maxRetries = '0'] = process.argv.slice(2)
if (!host || !writeKey) {
  console.error('usage: node analytics-node-send.mjs <host> <writeKey> [maxRetries] < calls.json')
  process.exit(2)
}
const calls = JSON.parse(readFileSync(0, 'utf8'))
const methods = ['identify', 'track', 'page', 'screen', 'group', 'alias']

const analytics = new Analytics({
  writeKey,
  host,
  flushAt: Math.max(calls.length, 1),
  flushInterval: 60_000,
  maxRetries: Number(maxRetries),
  httpRequestTimeout: 20_000,
})

const errors = []
analytics.on('error', (error) => errors.push(error))
analytics.on('http_request', (request) => console.error('request', request.method, request.url, request.body))
analytics.on('http_response', (response) => console.error('response', response.status, response.statusText))

const sent = calls.map(({ call, args }) => {
  if (!methods.includes(call)) {
    console.error(`unknown call ${call}; one of ${methods.join(', ')}`)
    process.exit(2)
  }
  return new Promise((resolve) => {
    analytics[call](args, (error, ctx) => {
      if (error) errors.push(error)
      resolve(ctx?.event.messageId)
    })
  })
})

await analytics.closeAndFlush({ timeout: 60_000 })
const messageIds = await Promise.all(sent)
console.log(JSON.stringify({ messageIds }))
if (errors.length > 0) {
  errors.forEach((error) => console.error('error', error?.code ?? '', error?.reason ?? error))
  process.exit(1)
}
