-- District leaderboard (/api/v1/learning/leaderboard?scope=district&code=…): a random one of the 38 districts per
-- request. KEPU_BOARD=anonymous: no token; token: a bench account's token (my rank only when it is my district);
-- mine: a token and no code, so the board is my own district and the answer includes my rank (a count in the index).
local districts = {
  "500101", "500102", "500103", "500104", "500105", "500106", "500107", "500108", "500109", "500110", "500111", "500112", "500113",
  "500114", "500115", "500116", "500117", "500118", "500119", "500120", "500151", "500152", "500153", "500154", "500155", "500156",
  "500229", "500230", "500231", "500233", "500235", "500236", "500237", "500238", "500240", "500241", "500242", "500243",
}
local mode = os.getenv("KEPU_BOARD") or "anonymous"
local tokens = {}
if mode ~= "anonymous" then
  for line in io.lines(os.getenv("KEPU_TOKENS") or "tokens.txt") do tokens[#tokens + 1] = line end
end
local i = 0
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("id", threads) end
init = function(args) math.randomseed(os.time() * 100 + (id or 0)) end
request = function()
  i = i + 1
  local headers = {}
  if mode ~= "anonymous" then headers["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] end
  if mode == "mine" then return wrk.format("GET", "/api/v1/learning/leaderboard?scope=district", headers) end
  return wrk.format("GET", "/api/v1/learning/leaderboard?scope=district&code=" .. districts[math.random(#districts)], headers)
end
