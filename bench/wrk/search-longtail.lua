-- Search, long tail: each request joins two random pieces of item titles (KEPU_QUERIES, one per line, cut by
-- bench/run.sh), so almost no query repeats within a run and the result cache does not help.
local queries = {}
for line in io.lines(os.getenv("KEPU_QUERIES") or "queries.txt") do queries[#queries + 1] = line end
local thread_seed = 0
setup = function(thread) thread_seed = thread_seed + 1; thread:set("seed", thread_seed) end
init = function() math.randomseed(1000 + (seed or 0)) end
local function encode(s) return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
request = function()
  local q = queries[math.random(#queries)] .. " " .. queries[math.random(#queries)]
  return wrk.format("GET", "/api/v1/search?q=" .. encode(q))
end
