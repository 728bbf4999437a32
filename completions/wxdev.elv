
use builtin;
use str;

set edit:completion:arg-completer[wxdev] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'wxdev'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'wxdev'= {
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sign 'Sign a callback URL, or print a signature'
            cand verify 'Check a signed URL offline, or do what WeChat does when 提交 is pressed'
            cand simulate 'Play WeChat''s server: send a message or event to an endpoint and judge the reply'
            cand check 'Score an endpoint: handshake, forged and replayed requests, every message type, retries, speed, hostile input'
            cand serve 'Run the reference echo endpoint'
            cand record 'Sit in front of an endpoint as a reverse proxy and save every exchange as a JSON file'
            cand replay 'Re-send recorded messages, freshly signed, and compare each reply with the recorded one'
            cand decrypt 'Decrypt a safe- or compatible-mode body, or an Encrypt value, and check it'
            cand encrypt 'Encrypt a message as an encrypted reply (for building test payloads)'
            cand token 'Print an access_token: cached while fresh, one refresh at a time across processes'
            cand media 'Upload or download temporary media'
            cand api 'Call any WeChat API with the access_token added, and print the answer'
            cand menu 'Create, show or delete the custom menu (自定义菜单)'
            cand proxy 'Forward API calls to WeChat with the account''s current access_token (API-Proxy)'
            cand mock-api 'Run a local WeChat API for tests: tokens, media, menus, messages, QR codes, users, tickets, material, /mock/calls'
            cand phone 'Chat with the endpoint in a browser page that looks like WeChat: bubbles, cards, menu, pushed messages, inspector'
            cand completions 'Print a shell completion script'
            cand jssdk 'JS-SDK: sign wx.config for a page, or find the mistake behind "config:invalid signature"'
            cand oauth 'Web authorization (网页授权): the authorize link, code exchange, refresh, userinfo, token check'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;sign'= {
            cand --timestamp 'Timestamp in seconds [default: now]'
            cand --nonce 'Nonce [default: random digits]'
            cand --echostr 'echostr to put in the URL, as in WeChat''s verification request'
            cand --encrypt 'Print the msg_signature over this Encrypt value instead (safe and compatible mode)'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --explain 'Show the sorted string that was hashed (on stderr)'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;verify'= {
            cand --timeout 'Seconds to wait for the endpoint, as WeChat does'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;simulate'= {
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand text 'A text message'
            cand image 'An image message'
            cand voice 'A voice message'
            cand video 'A video message'
            cand shortvideo 'A short video message'
            cand location 'A location message'
            cand link 'A link message'
            cand event 'An event'
            cand menu 'Press a menu button: send the event its type pushes'
            cand file 'Send an XML file as it is, signed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;simulate;text'= {
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;image'= {
            cand --pic-url 'pic-url'
            cand --media-id 'media-id'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;voice'= {
            cand --media-id 'media-id'
            cand --format 'amr or speex'
            cand --recognition 'Speech recognition result (sent when recognition is on)'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;video'= {
            cand --media-id 'media-id'
            cand --thumb-media-id 'thumb-media-id'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;shortvideo'= {
            cand --media-id 'media-id'
            cand --thumb-media-id 'thumb-media-id'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;location'= {
            cand --lat 'Latitude (Location_X)'
            cand --lng 'Longitude (Location_Y)'
            cand --scale 'Map zoom'
            cand --label 'Place name'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;link'= {
            cand --title 'title'
            cand --description 'description'
            cand --link-url 'link-url'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;event'= {
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand subscribe 'The user followed the account (from a QR code with --scene)'
            cand unsubscribe 'The user unfollowed the account'
            cand scan 'A follower scanned a parametric QR code (Event SCAN)'
            cand location 'Location report (Event LOCATION)'
            cand click 'A menu click (Event CLICK)'
            cand view 'A menu link (Event VIEW)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;simulate;event;subscribe'= {
            cand --scene 'QR scene: EventKey becomes qrscene_SCENE and a Ticket is sent'
            cand --ticket 'ticket'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;event;unsubscribe'= {
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;event;scan'= {
            cand --key 'EventKey: the scene value'
            cand --ticket 'ticket'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;event;location'= {
            cand --lat 'lat'
            cand --lng 'lng'
            cand --precision 'precision'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;event;click'= {
            cand --key 'EventKey of the menu item'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;event;view'= {
            cand --key 'EventKey: the URL the menu opens'
            cand --menu-id 'menu-id'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;event;help'= {
            cand subscribe 'The user followed the account (from a QR code with --scene)'
            cand unsubscribe 'The user unfollowed the account'
            cand scan 'A follower scanned a parametric QR code (Event SCAN)'
            cand location 'Location report (Event LOCATION)'
            cand click 'A menu click (Event CLICK)'
            cand view 'A menu link (Event VIEW)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;simulate;event;help;subscribe'= {
        }
        &'wxdev;simulate;event;help;unsubscribe'= {
        }
        &'wxdev;simulate;event;help;scan'= {
        }
        &'wxdev;simulate;event;help;location'= {
        }
        &'wxdev;simulate;event;help;click'= {
        }
        &'wxdev;simulate;event;help;view'= {
        }
        &'wxdev;simulate;event;help;help'= {
        }
        &'wxdev;simulate;menu'= {
            cand --menu 'Read the menu from this file (- for stdin) instead of menu/get'
            cand --menu-id 'MenuId of view and view_miniprogram events'
            cand --scan-type 'ScanType of scancode events'
            cand --scan-result 'ScanResult of scancode events: what the code holds'
            cand --pics 'How many pictures a pic_* button sends (1–9)'
            cand --lat 'Latitude (Location_X) of location_select'
            cand --lng 'Longitude (Location_Y) of location_select'
            cand --scale 'Map zoom of location_select'
            cand --label 'Place name (Label) of location_select'
            cand --poiname 'Point of interest (Poiname) of location_select; WeChat often sends it empty'
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;file'= {
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName: the sender''s OpenID'
            cand --msg-id 'MsgId [default: a fresh 64-bit id]'
            cand --create-time 'CreateTime in seconds [default: now]'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --save 'Save the exchange as a record file, which wxdev replay can re-send'
            cand --count 'Send this many messages (load mode)'
            cand --duration 'Send messages for this many seconds (load mode)'
            cand --concurrency 'Messages in flight at once in load mode'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --raw 'Print the reply body exactly as received'
            cand --event-mix 'Send a realistic mix of message and event kinds instead of one KIND'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;simulate;help'= {
            cand text 'A text message'
            cand image 'An image message'
            cand voice 'A voice message'
            cand video 'A video message'
            cand shortvideo 'A short video message'
            cand location 'A location message'
            cand link 'A link message'
            cand event 'An event'
            cand menu 'Press a menu button: send the event its type pushes'
            cand file 'Send an XML file as it is, signed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;simulate;help;text'= {
        }
        &'wxdev;simulate;help;image'= {
        }
        &'wxdev;simulate;help;voice'= {
        }
        &'wxdev;simulate;help;video'= {
        }
        &'wxdev;simulate;help;shortvideo'= {
        }
        &'wxdev;simulate;help;location'= {
        }
        &'wxdev;simulate;help;link'= {
        }
        &'wxdev;simulate;help;event'= {
            cand subscribe 'The user followed the account (from a QR code with --scene)'
            cand unsubscribe 'The user unfollowed the account'
            cand scan 'A follower scanned a parametric QR code (Event SCAN)'
            cand location 'Location report (Event LOCATION)'
            cand click 'A menu click (Event CLICK)'
            cand view 'A menu link (Event VIEW)'
        }
        &'wxdev;simulate;help;event;subscribe'= {
        }
        &'wxdev;simulate;help;event;unsubscribe'= {
        }
        &'wxdev;simulate;help;event;scan'= {
        }
        &'wxdev;simulate;help;event;location'= {
        }
        &'wxdev;simulate;help;event;click'= {
        }
        &'wxdev;simulate;help;event;view'= {
        }
        &'wxdev;simulate;help;menu'= {
        }
        &'wxdev;simulate;help;file'= {
        }
        &'wxdev;simulate;help;help'= {
        }
        &'wxdev;check'= {
            cand --only 'Run only these checks (comma-separated; `hostile` names every hostile-… check)'
            cand --skip 'Leave out these checks (comma-separated; `hostile` names every hostile-… check)'
            cand --timeout 'Seconds WeChat waits for each request (the limit every check holds the endpoint to)'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --speed-count 'Messages in the speed burst'
            cand --speed-concurrency 'Messages in flight at once in the speed burst'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;serve'= {
            cand --host 'Address to listen on (0.0.0.0 to accept WeChat directly)'
            cand --port 'Port (0 picks a free one)'
            cand --path 'Callback path'
            cand --max-connections 'Connections served at once; beyond it new ones wait to be accepted'
            cand --header-timeout 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open'
            cand --body-timeout 'Seconds a request''s body may take to arrive'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;record'= {
            cand --listen 'Address to listen on, HOST:PORT (port 0 picks a free one)'
            cand --upstream 'The endpoint to forward to, http://HOST:PORT (a path is put in front of each request''s)'
            cand --dir 'Directory for the record files (created if missing)'
            cand --upstream-timeout 'Seconds to wait for the upstream''s complete answer before closing the client''s connection'
            cand --max-connections 'Connections served at once; beyond it new ones wait to be accepted'
            cand --header-timeout 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open'
            cand --body-timeout 'Seconds a request''s body may take to arrive'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;replay'= {
            cand --timeout 'Seconds to wait for each reply'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --fresh-ids 'Give each message a fresh MsgId and CreateTime instead of the recorded ones'
            cand --update 'Rewrite the recorded replies with the new ones (snapshot workflow)'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;decrypt'= {
            cand --timestamp 'The request''s timestamp, for checking msg_signature'
            cand --nonce 'The request''s nonce, for checking msg_signature'
            cand --msg-signature 'The request''s msg_signature, checked with --token'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;encrypt'= {
            cand --timestamp 'TimeStamp of the reply [default: now]'
            cand --nonce 'Nonce of the reply [default: random digits]'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;token'= {
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --store 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache'
            cand --from 'Ask a running `wxdev token serve` at this URL instead of WeChat'
            cand --auth-key 'The token service''s key, sent as Authorization: Bearer'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --force-refresh 'Fetch a new token even while the cached one is fresh (with --stable: force_refresh, 20 times a day)'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
            cand serve 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;token;serve'= {
            cand --listen 'Address to listen on'
            cand --auth-key 'Key every client must send as Authorization: Bearer (required off loopback)'
            cand --app 'One more account; repeatable (--appid and --secret give the first)'
            cand --store 'Share tokens through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) [default: the file cache]'
            cand --key-format 'Also write tokens where this SDK reads them in Redis, with its TTL; repeatable'
            cand --cache-dir 'Token cache directory of the file store [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --refresh-before 'Refresh in the background when fewer seconds than this remain (raised to what --key-format needs)'
            cand --refresh-jitter 'Up to this many seconds earlier, at random'
            cand --lock-ttl 'Milliseconds a Redis refresh lock lives if its holder dies'
            cand --sync-interval 'Milliseconds between looks at the store and the clock'
            cand --store-timeout 'Milliseconds a Redis command may take'
            cand --max-connections 'Connections served at once; beyond it new ones wait to be accepted'
            cand --header-timeout 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open'
            cand --body-timeout 'Seconds a request''s body may take to arrive'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;token;help'= {
            cand serve 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;token;help;serve'= {
        }
        &'wxdev;token;help;help'= {
        }
        &'wxdev;media'= {
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
            cand upload 'Upload a temporary media file (kept 3 days) and print its media_id'
            cand get 'Download a temporary media file by its media_id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;media;upload'= {
            cand --type 'Media type [default: what the file''s content shows; thumb only when asked]'
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;media;get'= {
            cand -o 'Where to write it: a file, a directory (keeping WeChat''s name), or - for stdout [default: WeChat''s name]'
            cand --output 'Where to write it: a file, a directory (keeping WeChat''s name), or - for stdout [default: WeChat''s name]'
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --force 'Replace an existing file'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;media;help'= {
            cand upload 'Upload a temporary media file (kept 3 days) and print its media_id'
            cand get 'Download a temporary media file by its media_id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;media;help;upload'= {
        }
        &'wxdev;media;help;get'= {
        }
        &'wxdev;media;help;help'= {
        }
        &'wxdev;api'= {
            cand -X 'The HTTP method [default: GET, or POST when a body is given]'
            cand --method 'The HTTP method [default: GET, or POST when a body is given]'
            cand -q 'Add a query parameter (percent-encoded); repeatable'
            cand --query 'Add a query parameter (percent-encoded); repeatable'
            cand -f 'Add a string to the JSON body; KEY[SUB] nests, KEY[] appends; repeatable'
            cand --raw-field 'Add a string to the JSON body; KEY[SUB] nests, KEY[] appends; repeatable'
            cand -F 'Add a typed value to the JSON body: true, false, null and whole numbers as JSON; repeatable'
            cand --field 'Add a typed value to the JSON body: true, false, null and whole numbers as JSON; repeatable'
            cand --input 'Send the JSON in FILE (- for stdin) as the body, as it is'
            cand -o 'Write the answer''s body to FILE (via a temporary file, renamed into place)'
            cand --output 'Write the answer''s body to FILE (via a temporary file, renamed into place)'
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --force 'Replace an existing -o FILE'
            cand -i 'Print the HTTP status line and headers on stderr'
            cand --include 'Print the HTTP status line and headers on stderr'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;menu'= {
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
            cand get 'Show the menu as a tree (--json: the API''s JSON)'
            cand create 'Check a menu file against WeChat''s rules, then create the menu from it'
            cand delete 'Delete the menu (WeChat removes personalised menus with it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;menu;get'= {
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;menu;create'= {
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;menu;delete'= {
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;menu;help'= {
            cand get 'Show the menu as a tree (--json: the API''s JSON)'
            cand create 'Check a menu file against WeChat''s rules, then create the menu from it'
            cand delete 'Delete the menu (WeChat removes personalised menus with it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;menu;help;get'= {
        }
        &'wxdev;menu;help;create'= {
        }
        &'wxdev;menu;help;delete'= {
        }
        &'wxdev;menu;help;help'= {
        }
        &'wxdev;proxy'= {
            cand --listen 'Address to listen on'
            cand --upstream 'The API base requests are forwarded to [default: --api-base, else https://api.weixin.qq.com]'
            cand --token-from 'Get tokens from a running `wxdev token serve` at this URL (sent the --auth-key)'
            cand --allow 'Path prefix business servers may call (e.g. /cgi-bin/message/); repeatable [default: all]'
            cand --auth-key 'Key every client must send as Authorization: Bearer (required off loopback); also sent to --token-from'
            cand --app 'One more account; repeatable (--appid and --secret give the first)'
            cand --store 'Share tokens through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) [default: the file cache]'
            cand --key-format 'Also write tokens where this SDK reads them in Redis, with its TTL; repeatable'
            cand --cache-dir 'Token cache directory of the file store [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --refresh-before 'Refresh in the background when fewer seconds than this remain (raised to what --key-format needs)'
            cand --refresh-jitter 'Up to this many seconds earlier, at random'
            cand --lock-ttl 'Milliseconds a Redis refresh lock lives if its holder dies'
            cand --sync-interval 'Milliseconds between looks at the store and the clock'
            cand --store-timeout 'Milliseconds a Redis command may take'
            cand --max-connections 'Connections served at once; beyond it new ones wait to be accepted'
            cand --header-timeout 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open'
            cand --body-timeout 'Seconds a request''s body may take to arrive'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;mock-api'= {
            cand --host 'Address to listen on'
            cand --port 'Port (0 picks a free one)'
            cand --app 'One more AppID and AppSecret to accept; repeatable (--appid and --secret give the first pair)'
            cand --token-ttl 'Seconds a token lives (at most a day, the most wxdev''s own client accepts)'
            cand --fail-next 'Answer the next API call with this errcode (ERRCODE@PATH: the next call to that API); repeatable, in order'
            cand --user 'A test user for web authorization, shown on the consent page; repeatable [default: three sample users]'
            cand --data-dir 'Keep uploaded media in this directory instead of in memory'
            cand --token-delay 'Milliseconds to wait before answering token and stable_token calls (a slow WeChat)'
            cand --max-media-bytes 'Most bytes of media kept in memory (256 MiB by default); beyond it the oldest media are evicted'
            cand --max-connections 'Connections served at once; beyond it new ones wait to be accepted'
            cand --header-timeout 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open'
            cand --body-timeout 'Seconds a request''s body may take to arrive'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;phone'= {
            cand --listen 'Address to serve the page on, HOST:PORT (port 0 picks a free one; loopback unless told otherwise)'
            cand --menu 'Read the menu from this file instead of menu/get on the API base'
            cand --to 'ToUserName: the account''s original id (gh_…)'
            cand --from 'FromUserName of the first user: an OpenID (more can be added on the page)'
            cand --timeout 'Seconds WeChat waits for each attempt'
            cand --mode 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]'
            cand --access-token 'Use this access_token instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --max-connections 'Connections served at once; beyond it new ones wait to be accepted'
            cand --header-timeout 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open'
            cand --body-timeout 'Seconds a request''s body may take to arrive'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --open 'Open the page in the system browser'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;completions'= {
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;jssdk'= {
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
            cand sign 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON'
            cand check 'Does a wx.config signature match? If not, name the usual mistake that reproduces it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;jssdk;sign'= {
            cand --noncestr 'The nonceStr to sign [default: 16 random letters and digits]'
            cand --timestamp 'The timestamp to sign, in Unix seconds [default: now]'
            cand --ticket 'Sign with this jsapi_ticket instead of the cached or fetched one'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --store 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache'
            cand --from 'Ask a running `wxdev token serve` at this URL instead of WeChat'
            cand --auth-key 'The token service''s key, sent as Authorization: Bearer'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --explain 'Show string1 (what is hashed) on stderr'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;jssdk;check'= {
            cand --url 'The page''s URL as the browser had it (location.href)'
            cand --signature 'The signature given to wx.config'
            cand --timestamp 'The timestamp given to wx.config'
            cand --noncestr 'The nonceStr given to wx.config'
            cand --ticket 'The jsapi_ticket it should have been signed with [default: the cached or fetched one]'
            cand --cache-dir 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]'
            cand --store 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache'
            cand --from 'Ask a running `wxdev token serve` at this URL instead of WeChat'
            cand --auth-key 'The token service''s key, sent as Authorization: Bearer'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --stable 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
            cand --no-cache 'Neither read nor write the token cache'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;jssdk;help'= {
            cand sign 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON'
            cand check 'Does a wx.config signature match? If not, name the usual mistake that reproduces it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;jssdk;help;sign'= {
        }
        &'wxdev;jssdk;help;check'= {
        }
        &'wxdev;jssdk;help;help'= {
        }
        &'wxdev;oauth'= {
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
            cand url 'Print the authorize link (parameters in WeChat''s order), after checking it as WeChat would'
            cand exchange 'Exchange a callback''s code for the web access_token and OpenID (/sns/oauth2/access_token)'
            cand refresh 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)'
            cand userinfo 'Show a user''s profile (/sns/userinfo; needs a snsapi_userinfo token)'
            cand check 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;oauth;url'= {
            cand --redirect-uri 'Where WeChat sends the browser back with ?code=…&state=…'
            cand --scope 'What to ask for'
            cand --state 'The state to get back (a-z, A-Z, 0-9) [default: 16 random letters and digits]'
            cand --open-base 'Where the authorize page is served (point it at mock-api to test on this machine)'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --force-popup 'Add forcePopup=true: show the consent page even where it would be skipped'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'wxdev;oauth;exchange'= {
            cand --lang 'The profile''s language'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --userinfo 'Also fetch the user''s profile (/sns/userinfo)'
            cand --print-token 'Print the access_token and refresh_token too (--json always has them)'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;oauth;refresh'= {
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --print-token 'Print the new access_token and the refresh_token (--json always has them)'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;oauth;userinfo'= {
            cand --access-token 'The web access_token (not the account''s access_token)'
            cand --openid 'The OpenID the token was issued for'
            cand --lang 'The profile''s language'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;oauth;check'= {
            cand --access-token 'The web access_token (not the account''s access_token)'
            cand --openid 'The OpenID the token was issued for'
            cand --color 'When to colour output'
            cand --config 'Settings file (default: ./wxdev.toml when present)'
            cand --token 'The Token set in 公众号后台 → 基本配置'
            cand --appid 'The account''s AppID'
            cand --secret 'The account''s AppSecret'
            cand --aes-key 'The EncodingAESKey (43 characters) for safe and compatible mode'
            cand --url 'The developer''s endpoint (服务器地址 URL)'
            cand --api-base 'WeChat API base URL'
            cand --oauth-domain 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated'
            cand --json 'Print exactly one JSON object on stdout'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'wxdev;oauth;help'= {
            cand url 'Print the authorize link (parameters in WeChat''s order), after checking it as WeChat would'
            cand exchange 'Exchange a callback''s code for the web access_token and OpenID (/sns/oauth2/access_token)'
            cand refresh 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)'
            cand userinfo 'Show a user''s profile (/sns/userinfo; needs a snsapi_userinfo token)'
            cand check 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;oauth;help;url'= {
        }
        &'wxdev;oauth;help;exchange'= {
        }
        &'wxdev;oauth;help;refresh'= {
        }
        &'wxdev;oauth;help;userinfo'= {
        }
        &'wxdev;oauth;help;check'= {
        }
        &'wxdev;oauth;help;help'= {
        }
        &'wxdev;help'= {
            cand sign 'Sign a callback URL, or print a signature'
            cand verify 'Check a signed URL offline, or do what WeChat does when 提交 is pressed'
            cand simulate 'Play WeChat''s server: send a message or event to an endpoint and judge the reply'
            cand check 'Score an endpoint: handshake, forged and replayed requests, every message type, retries, speed, hostile input'
            cand serve 'Run the reference echo endpoint'
            cand record 'Sit in front of an endpoint as a reverse proxy and save every exchange as a JSON file'
            cand replay 'Re-send recorded messages, freshly signed, and compare each reply with the recorded one'
            cand decrypt 'Decrypt a safe- or compatible-mode body, or an Encrypt value, and check it'
            cand encrypt 'Encrypt a message as an encrypted reply (for building test payloads)'
            cand token 'Print an access_token: cached while fresh, one refresh at a time across processes'
            cand media 'Upload or download temporary media'
            cand api 'Call any WeChat API with the access_token added, and print the answer'
            cand menu 'Create, show or delete the custom menu (自定义菜单)'
            cand proxy 'Forward API calls to WeChat with the account''s current access_token (API-Proxy)'
            cand mock-api 'Run a local WeChat API for tests: tokens, media, menus, messages, QR codes, users, tickets, material, /mock/calls'
            cand phone 'Chat with the endpoint in a browser page that looks like WeChat: bubbles, cards, menu, pushed messages, inspector'
            cand completions 'Print a shell completion script'
            cand jssdk 'JS-SDK: sign wx.config for a page, or find the mistake behind "config:invalid signature"'
            cand oauth 'Web authorization (网页授权): the authorize link, code exchange, refresh, userinfo, token check'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxdev;help;sign'= {
        }
        &'wxdev;help;verify'= {
        }
        &'wxdev;help;simulate'= {
            cand text 'A text message'
            cand image 'An image message'
            cand voice 'A voice message'
            cand video 'A video message'
            cand shortvideo 'A short video message'
            cand location 'A location message'
            cand link 'A link message'
            cand event 'An event'
            cand menu 'Press a menu button: send the event its type pushes'
            cand file 'Send an XML file as it is, signed'
        }
        &'wxdev;help;simulate;text'= {
        }
        &'wxdev;help;simulate;image'= {
        }
        &'wxdev;help;simulate;voice'= {
        }
        &'wxdev;help;simulate;video'= {
        }
        &'wxdev;help;simulate;shortvideo'= {
        }
        &'wxdev;help;simulate;location'= {
        }
        &'wxdev;help;simulate;link'= {
        }
        &'wxdev;help;simulate;event'= {
            cand subscribe 'The user followed the account (from a QR code with --scene)'
            cand unsubscribe 'The user unfollowed the account'
            cand scan 'A follower scanned a parametric QR code (Event SCAN)'
            cand location 'Location report (Event LOCATION)'
            cand click 'A menu click (Event CLICK)'
            cand view 'A menu link (Event VIEW)'
        }
        &'wxdev;help;simulate;event;subscribe'= {
        }
        &'wxdev;help;simulate;event;unsubscribe'= {
        }
        &'wxdev;help;simulate;event;scan'= {
        }
        &'wxdev;help;simulate;event;location'= {
        }
        &'wxdev;help;simulate;event;click'= {
        }
        &'wxdev;help;simulate;event;view'= {
        }
        &'wxdev;help;simulate;menu'= {
        }
        &'wxdev;help;simulate;file'= {
        }
        &'wxdev;help;check'= {
        }
        &'wxdev;help;serve'= {
        }
        &'wxdev;help;record'= {
        }
        &'wxdev;help;replay'= {
        }
        &'wxdev;help;decrypt'= {
        }
        &'wxdev;help;encrypt'= {
        }
        &'wxdev;help;token'= {
            cand serve 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry'
        }
        &'wxdev;help;token;serve'= {
        }
        &'wxdev;help;media'= {
            cand upload 'Upload a temporary media file (kept 3 days) and print its media_id'
            cand get 'Download a temporary media file by its media_id'
        }
        &'wxdev;help;media;upload'= {
        }
        &'wxdev;help;media;get'= {
        }
        &'wxdev;help;api'= {
        }
        &'wxdev;help;menu'= {
            cand get 'Show the menu as a tree (--json: the API''s JSON)'
            cand create 'Check a menu file against WeChat''s rules, then create the menu from it'
            cand delete 'Delete the menu (WeChat removes personalised menus with it)'
        }
        &'wxdev;help;menu;get'= {
        }
        &'wxdev;help;menu;create'= {
        }
        &'wxdev;help;menu;delete'= {
        }
        &'wxdev;help;proxy'= {
        }
        &'wxdev;help;mock-api'= {
        }
        &'wxdev;help;phone'= {
        }
        &'wxdev;help;completions'= {
        }
        &'wxdev;help;jssdk'= {
            cand sign 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON'
            cand check 'Does a wx.config signature match? If not, name the usual mistake that reproduces it'
        }
        &'wxdev;help;jssdk;sign'= {
        }
        &'wxdev;help;jssdk;check'= {
        }
        &'wxdev;help;oauth'= {
            cand url 'Print the authorize link (parameters in WeChat''s order), after checking it as WeChat would'
            cand exchange 'Exchange a callback''s code for the web access_token and OpenID (/sns/oauth2/access_token)'
            cand refresh 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)'
            cand userinfo 'Show a user''s profile (/sns/userinfo; needs a snsapi_userinfo token)'
            cand check 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)'
        }
        &'wxdev;help;oauth;url'= {
        }
        &'wxdev;help;oauth;exchange'= {
        }
        &'wxdev;help;oauth;refresh'= {
        }
        &'wxdev;help;oauth;userinfo'= {
        }
        &'wxdev;help;oauth;check'= {
        }
        &'wxdev;help;help'= {
        }
    ]
    $completions[$command]
}
