-- wrk script for the service under load (bench/bench_service.py runs it).
--
--   wrk ... -s bench/sync_load.lua URL -- MODE CLIENTS_FILE THREADS
--
-- MODE: "pull"  a no-change sync: GET the pull with the client's cursor at the end;
--       "push"  a push of one new task into the client's own case (a fresh change id);
--       "floor" the bare route of bench/floor_app.py.
-- CLIENTS_FILE: one client a line, "token<TAB>cursor<TAB>case id", each its own worker,
-- device and cases. THREADS: wrk's -t. setup() numbers the threads; each thread takes every
-- THREADS-th client and rotates through them request by request, so every client syncs as
-- often as the others, though not always over the same connection. The service keeps no
-- state per connection (each request is authenticated by its own token), so this is the
-- same work as each laptop on a connection of its own.

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function init(args)
  mode = args[1]
  local every = tonumber(args[3])
  clients = {}
  local n = 0
  for line in io.lines(args[2]) do
    if n % every == index then
      local token, cursor, case_id = line:match("^([^\t]+)\t([^\t]*)\t([^\t]+)$")
      table.insert(clients, {token = token, cursor = cursor, case_id = case_id})
    end
    n = n + 1
  end
  turn = 0
  unexpected = 0
  math.randomseed(os.time() * 1000 + index * 7919)
end

function request()
  turn = turn % #clients + 1
  local c = clients[turn]
  local headers = {["Authorization"] = "Bearer " .. c.token, ["Accept-Encoding"] = "gzip"}
  if mode == "pull" then
    return wrk.format("GET", "/api/v1/sync/pull?cursor=" .. c.cursor, headers)
  elseif mode == "floor" then
    return wrk.format("GET", "/floor", headers)
  end
  headers["Content-Type"] = "application/json"
  local body = string.format(
    '{"changes":[{"change_id":"%s","record_id":"%s","kind":"task","case_id":"%s",' ..
    '"base_rev":0,"set":{"title":"Taak onder last","done":false}}]}',
    uuid(), uuid(), c.case_id)
  return wrk.format("POST", "/api/v1/sync/push", headers, body)
end

-- A 2xx answer must also say what a client expects: no records, an applied change, a user.
local expected = {pull = '"records":[]', push = '"status":"applied"', floor = '"user_id"'}

function response(status, headers, body)
  if status >= 200 and status < 300 and not string.find(body, expected[mode], 1, true) then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local odd = 0
  for _, thread in ipairs(threads) do
    odd = odd + (thread:get("unexpected") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"connect":%d,' ..
    '"read":%d,"write":%d,"status":%d,"timeout":%d,"unexpected":%d}\n',
    summary.requests, summary.duration, math.floor(latency:percentile(50)),
    math.floor(latency:percentile(99)), e.connect, e.read, e.write, e.status, e.timeout, odd))
end
