-- Picks a random request from the file named by CW_PATHS_FILE (one "METHOD PATH [BODY]" per line),
-- sends the bearer token in CW_TOKEN, and prints a JSON line with throughput and latency percentiles.
local paths = {}
local token = os.getenv("CW_TOKEN") or ""
for line in io.lines(os.getenv("CW_PATHS_FILE")) do
  local method, path, body = line:match("^(%S+)%s+(%S+)%s*(.*)$")
  if method then table.insert(paths, { method = method, path = path, body = body ~= "" and body or nil }) end
end
local counter = 0
request = function()
  counter = counter + 1
  local r = paths[math.random(#paths)]
  local headers = { ["Accept-Language"] = "zh-CN" }
  if token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if r.body then headers["Content-Type"] = "application/json" end
  return wrk.format(r.method, r.path, headers, r.body)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('BENCH {"requests":%d,"durationUs":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), errors, summary.errors.status))
end
