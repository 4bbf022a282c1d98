-- 我的进度 (/api/v1/learning/me): each request carries one of the bench accounts' tokens (tokens.txt, one per line).
local tokens = {}
for line in io.lines(os.getenv("KEPU_TOKENS") or "tokens.txt") do tokens[#tokens + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/learning/me", { ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] })
end
