-- wrk script for POST /api/v1/appeals (docs/benchmarks/api.md): every request is a different appeal
-- from a different phone number, so neither the per-phone limit (production default: 10 per hour)
-- nor the idempotency check (same phone + text within 10 minutes = same ticket) refuses it.
-- A random base per run (WRK_BASE to fix it) keeps repeated runs' phone numbers apart.
local threads = {}
math.randomseed(os.time())
local base = tonumber(os.getenv("WRK_BASE") or "") or math.random(0, 99999999)

function setup(thread)
  -- each thread numbers its own appeals, 10^7 apart: threads never send the same appeal
  thread:set("counter", base + #threads * 10000000)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local phone = string.format("139%08d", counter % 100000000)
  local body = '{"title":"路灯不亮' .. counter .. '","content":"东城区人民路第' .. counter
    .. '号路灯夜间不亮，影响通行。","appealType":"COMPLAINT","phone":"' .. phone
    .. '","name":"张三","district":"东城区","address":"人民路' .. counter .. '号"}'
  return wrk.format("POST", "/api/v1/appeals", {["Content-Type"] = "application/json"}, body)
end

-- One machine-readable line for scripts/bench/intake-wrk: counts, latency in µs, wrk's own CPU.
-- Non-2xx answers (a refused appeal is 4xx/5xx) are wrk's status errors; 201 is the only 2xx here.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p90_us=%d "
    .. "p99_us=%d p999_us=%d max_us=%d cpu_s=%.3f\n", summary.requests, summary.duration, e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max, os.clock()))
end
