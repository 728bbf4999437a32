-- wrk script: POST a signed text message with a fresh MsgId each time, as WeChat would.
-- The signature covers only token, timestamp and nonce, so one signed query serves every request.
-- Set WXDEV_BENCH_QUERY to the signed query string (bench/run does).
local query = os.getenv("WXDEV_BENCH_QUERY") or ""
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/xml"

request = function()
  counter = counter + 1
  local body = string.format(
    "<xml><ToUserName><![CDATA[gh_3f5e7a9b1c2d]]></ToUserName><FromUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></FromUserName>" ..
    "<CreateTime>%d</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>%d%d</MsgId></xml>",
    os.time(), math.random(100000, 999999), counter)
  return wrk.format(nil, wrk.path .. "?" .. query, nil, body)
end
