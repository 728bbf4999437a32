"""A WeChat handler written the way many tutorials write it, weaknesses included.

It exists to show what `wxdev check` finds; do not deploy it. What is wrong:
- POST requests are processed without checking the signature (only the GET
  URL check verifies it), so anyone can make the account answer as they like;
- the body is parsed with entity resolution and network access on, so an
  external entity is fetched (XXE) and an entity bomb expands;
- errors are not caught, so an unexpected message type answers HTTP 500.

    pip install flask lxml
    python3 examples/weak_flask.py 8090     # then: wxdev check http://127.0.0.1:8090/wechat --token weak
"""
import hashlib
import sys
import time

from flask import Flask, request
from lxml import etree

TOKEN = "weak"
app = Flask(__name__)


@app.route("/wechat", methods=["GET", "POST"])
def wechat():
    if request.method == "GET":
        args = request.args
        parts = sorted([TOKEN, args.get("timestamp", ""), args.get("nonce", "")])
        if hashlib.sha1("".join(parts).encode()).hexdigest() == args.get("signature"):
            return args.get("echostr", "")
        return ""
    parser = etree.XMLParser(resolve_entities=True, no_network=False, huge_tree=True)
    root = etree.fromstring(request.data, parser)
    msg_type = root.findtext("MsgType")
    to_user, from_user = root.findtext("FromUserName"), root.findtext("ToUserName")
    if msg_type == "text":
        content = root.findtext("Content")
    elif msg_type == "event":
        content = "event " + root.findtext("Event")
    elif msg_type in ("image", "voice", "video", "shortvideo", "location", "link"):
        content = "got " + msg_type
    else:
        raise ValueError("unhandled message type " + msg_type)
    return (
        f"<xml><ToUserName><![CDATA[{to_user}]]></ToUserName><FromUserName><![CDATA[{from_user}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{content}]]></Content></xml>"
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]) if len(sys.argv) > 1 else 8090)
