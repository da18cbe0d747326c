-- wrk script for bench/run.sh. With BENCH_COLD=1 every request gets a query string of its
-- own, so the page cache never has it (a cold cache: every request is rendered).
-- Prints one line: RESULT <requests/s> <p50 ms> <p95 ms> <requests> <non-2xx/3xx>.
local counter = 0
local cold = os.getenv("BENCH_COLD") == "1"

request = function()
  local path = wrk.path
  if cold then
    counter = counter + 1
    local separator = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. separator .. "bench=" .. counter
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests, summary.errors.status))
end
