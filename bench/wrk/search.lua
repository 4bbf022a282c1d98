-- Search: common Chinese queries from the demo topics, rotated.
local words = { "诈骗", "高血压", "科学施肥", "滑坡", "中暑", "智能手机", "食品安全", "垃圾分类", "北斗", "心理健康",
  "合理用药", "安全生产", "防溺水", "网上挂号", "猕猴桃", "電信詐騙", "空间站", "隔夜菜", "八段锦", "碳中和" }
local i = 0
request = function()
  i = i + 1
  local w = words[(i % #words) + 1]
  local encoded = w:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format("GET", "/api/v1/search?q=" .. encoded)
end
