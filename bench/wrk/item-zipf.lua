-- Item pages by popularity: item ids drawn from a Zipf distribution (s = 1) over 1..KEPU_ITEMS, the usual shape of
-- what people read (a few items are read very often, most rarely). Ranks are shuffled over ids with a fixed seed.
local n = tonumber(os.getenv("KEPU_ITEMS") or "100000")
math.randomseed(7)
local cumulative, total = {}, 0
for k = 1, n do total = total + 1 / k; cumulative[k] = total end
local ids = {}
for k = 1, n do ids[k] = k end
for k = n, 2, -1 do local j = math.random(1, k); ids[k], ids[j] = ids[j], ids[k] end
local function draw()
  local x, lo, hi = math.random() * total, 1, n
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < x then lo = mid + 1 else hi = mid end
  end
  return ids[lo]
end
request = function()
  return wrk.format("GET", "/contents/" .. draw())
end
