-- wrk script for ./platform bench load (bench/Platform.Bench/Load). One argument: a file of requests prepared by the
-- driver, one per line: METHOD <tab> PATH <tab> TOKEN <tab> BODY (BODY may be empty). Each wrk thread walks the
-- lines from its own offset; "{n}" in a path or body becomes "<thread>-<sequence>", so every request is unique and
-- the driver can find each one it was answered 201 for. At the end one line "LOADRESULT {json}" gives the count,
-- the latency percentiles (microseconds) and the answers by status, summed over the threads.

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local lines = {}
local position = 0
local sequence = 0
statuses = {}

function init(args)
  for line in io.lines(args[1]) do
    local method, path, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    if method then
      table.insert(lines, { method = method, path = path, token = token, body = body })
    end
  end
  if #lines == 0 then
    error("no requests in " .. args[1])
  end
  position = ((id - 1) * 7919) % #lines
end

function request()
  position = position % #lines + 1
  sequence = sequence + 1
  local line = lines[position]
  local tag = id .. "-" .. sequence
  local headers = { ["Authorization"] = "Bearer " .. line.token }
  local body = nil
  if line.body ~= "" then
    headers["Content-Type"] = "application/json"
    body = line.body:gsub("{n}", tag)
  end
  return wrk.format(line.method, (line.path:gsub("{n}", tag)), headers, body)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses")
    for status, count in pairs(counted) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, string.format('"%s":%d', status, count))
  end
  io.write(string.format(
    'LOADRESULT {"requests":%d,"durationMicroseconds":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, table.concat(parts, ",")))
end
