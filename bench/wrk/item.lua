-- Item pages: random published items (ids 1..KEPU_ITEMS).
local n = tonumber(os.getenv("KEPU_ITEMS") or "100000")
math.randomseed(42)
request = function()
  return wrk.format("GET", "/contents/" .. math.random(1, n))
end
