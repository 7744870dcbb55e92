-- wrk script for bench/cluster.sh: each connection walks through the paths given after "--", and every
-- answer is checked. Arguments: MODE PATH... where MODE is "anonymous" (no answer may contain MARKER, the
-- gated text of the paid article) or "subscriber" (every answer must contain it). MARKER is read from the
-- environment variable CLUSTER_MARKER. CLUSTER_PAUSE_MS (default 0), if set, is each connection's pause
-- between its answer and its next request: a reader's time on the page, so that N connections offer about
-- N * 1000 / CLUSTER_PAUSE_MS requests a second instead of as many as the server can answer.
-- Prints one line: "RESULT mode=... requests=... <kind>=<count> ...".

local paths = {}
local marker = os.getenv("CLUSTER_MARKER")
local threads = {}
local index = 0

-- Per thread (wrk gives each its own Lua state); summed in done().
mode = nil
checked = 0
wrong = 0
status_5xx = 0
status_4xx = 0

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	mode = args[1]
	for i = 2, #args do
		table.insert(paths, args[i])
	end
end

local pause_ms = tonumber(os.getenv("CLUSTER_PAUSE_MS") or "0")

function delay()
	return pause_ms
end

function request()
	index = index % #paths + 1
	return wrk.format("GET", paths[index])
end

function response(status, headers, body)
	if status >= 500 then
		status_5xx = status_5xx + 1
		return
	end
	if status >= 400 then
		status_4xx = status_4xx + 1
		return
	end
	checked = checked + 1
	local found = string.find(body, marker, 1, true) ~= nil
	if (mode == "subscriber") ~= found then
		wrong = wrong + 1
	end
end

function done(summary, latency, requests)
	local sum = { checked = 0, wrong = 0, status_5xx = 0, status_4xx = 0 }
	for _, thread in ipairs(threads) do
		for name, _ in pairs(sum) do
			sum[name] = sum[name] + (thread:get(name) or 0)
		end
		if thread:get("mode") then
			mode = thread:get("mode")
		end
	end
	local e = summary.errors
	io.write(string.format(
		"RESULT mode=%s requests=%d checked=%d wrong_page=%d http_5xx=%d http_4xx=%d connect=%d read=%d write=%d timeout=%d p99_ms=%.1f\n",
		mode or "?", summary.requests, sum.checked, sum.wrong, sum.status_5xx, sum.status_4xx, e.connect, e.read,
		e.write, e.timeout, latency:percentile(99) / 1000))
end
