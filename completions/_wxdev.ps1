
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'wxdev' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'wxdev'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'wxdev' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a callback URL, or print a signature')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a signed URL offline, or do what WeChat does when 提交 is pressed')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Play WeChat''s server: send a message or event to an endpoint and judge the reply')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Score an endpoint: handshake, forged and replayed requests, every message type, retries, speed, hostile input')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the reference echo endpoint')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Sit in front of an endpoint as a reverse proxy and save every exchange as a JSON file')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-send recorded messages, freshly signed, and compare each reply with the recorded one')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt a safe- or compatible-mode body, or an Encrypt value, and check it')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt a message as an encrypted reply (for building test payloads)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print an access_token: cached while fresh, one refresh at a time across processes')
            [CompletionResult]::new('media', 'media', [CompletionResultType]::ParameterValue, 'Upload or download temporary media')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call any WeChat API with the access_token added, and print the answer')
            [CompletionResult]::new('menu', 'menu', [CompletionResultType]::ParameterValue, 'Create, show or delete the custom menu (自定义菜单)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Forward API calls to WeChat with the account''s current access_token (API-Proxy)')
            [CompletionResult]::new('mock-api', 'mock-api', [CompletionResultType]::ParameterValue, 'Run a local WeChat API for tests: tokens, media, menus, messages, QR codes, users, tickets, material, /mock/calls')
            [CompletionResult]::new('phone', 'phone', [CompletionResultType]::ParameterValue, 'Chat with the endpoint in a browser page that looks like WeChat: bubbles, cards, menu, pushed messages, inspector')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('jssdk', 'jssdk', [CompletionResultType]::ParameterValue, 'JS-SDK: sign wx.config for a page, or find the mistake behind "config:invalid signature"')
            [CompletionResult]::new('oauth', 'oauth', [CompletionResultType]::ParameterValue, 'Web authorization (网页授权): the authorize link, code exchange, refresh, userinfo, token check')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;sign' {
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Timestamp in seconds [default: now]')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'Nonce [default: random digits]')
            [CompletionResult]::new('--echostr', '--echostr', [CompletionResultType]::ParameterName, 'echostr to put in the URL, as in WeChat''s verification request')
            [CompletionResult]::new('--encrypt', '--encrypt', [CompletionResultType]::ParameterName, 'Print the msg_signature over this Encrypt value instead (safe and compatible mode)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show the sorted string that was hashed (on stderr)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;verify' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the endpoint, as WeChat does')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;simulate' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'A text message')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'An image message')
            [CompletionResult]::new('voice', 'voice', [CompletionResultType]::ParameterValue, 'A voice message')
            [CompletionResult]::new('video', 'video', [CompletionResultType]::ParameterValue, 'A video message')
            [CompletionResult]::new('shortvideo', 'shortvideo', [CompletionResultType]::ParameterValue, 'A short video message')
            [CompletionResult]::new('location', 'location', [CompletionResultType]::ParameterValue, 'A location message')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'A link message')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'An event')
            [CompletionResult]::new('menu', 'menu', [CompletionResultType]::ParameterValue, 'Press a menu button: send the event its type pushes')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Send an XML file as it is, signed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;simulate;text' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;image' {
            [CompletionResult]::new('--pic-url', '--pic-url', [CompletionResultType]::ParameterName, 'pic-url')
            [CompletionResult]::new('--media-id', '--media-id', [CompletionResultType]::ParameterName, 'media-id')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;voice' {
            [CompletionResult]::new('--media-id', '--media-id', [CompletionResultType]::ParameterName, 'media-id')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'amr or speex')
            [CompletionResult]::new('--recognition', '--recognition', [CompletionResultType]::ParameterName, 'Speech recognition result (sent when recognition is on)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;video' {
            [CompletionResult]::new('--media-id', '--media-id', [CompletionResultType]::ParameterName, 'media-id')
            [CompletionResult]::new('--thumb-media-id', '--thumb-media-id', [CompletionResultType]::ParameterName, 'thumb-media-id')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;shortvideo' {
            [CompletionResult]::new('--media-id', '--media-id', [CompletionResultType]::ParameterName, 'media-id')
            [CompletionResult]::new('--thumb-media-id', '--thumb-media-id', [CompletionResultType]::ParameterName, 'thumb-media-id')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;location' {
            [CompletionResult]::new('--lat', '--lat', [CompletionResultType]::ParameterName, 'Latitude (Location_X)')
            [CompletionResult]::new('--lng', '--lng', [CompletionResultType]::ParameterName, 'Longitude (Location_Y)')
            [CompletionResult]::new('--scale', '--scale', [CompletionResultType]::ParameterName, 'Map zoom')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Place name')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;link' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'title')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'description')
            [CompletionResult]::new('--link-url', '--link-url', [CompletionResultType]::ParameterName, 'link-url')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;event' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'The user followed the account (from a QR code with --scene)')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'The user unfollowed the account')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'A follower scanned a parametric QR code (Event SCAN)')
            [CompletionResult]::new('location', 'location', [CompletionResultType]::ParameterValue, 'Location report (Event LOCATION)')
            [CompletionResult]::new('click', 'click', [CompletionResultType]::ParameterValue, 'A menu click (Event CLICK)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'A menu link (Event VIEW)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;simulate;event;subscribe' {
            [CompletionResult]::new('--scene', '--scene', [CompletionResultType]::ParameterName, 'QR scene: EventKey becomes qrscene_SCENE and a Ticket is sent')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'ticket')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;event;unsubscribe' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;event;scan' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'EventKey: the scene value')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'ticket')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;event;location' {
            [CompletionResult]::new('--lat', '--lat', [CompletionResultType]::ParameterName, 'lat')
            [CompletionResult]::new('--lng', '--lng', [CompletionResultType]::ParameterName, 'lng')
            [CompletionResult]::new('--precision', '--precision', [CompletionResultType]::ParameterName, 'precision')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;event;click' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'EventKey of the menu item')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;event;view' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'EventKey: the URL the menu opens')
            [CompletionResult]::new('--menu-id', '--menu-id', [CompletionResultType]::ParameterName, 'menu-id')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;event;help' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'The user followed the account (from a QR code with --scene)')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'The user unfollowed the account')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'A follower scanned a parametric QR code (Event SCAN)')
            [CompletionResult]::new('location', 'location', [CompletionResultType]::ParameterValue, 'Location report (Event LOCATION)')
            [CompletionResult]::new('click', 'click', [CompletionResultType]::ParameterValue, 'A menu click (Event CLICK)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'A menu link (Event VIEW)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;simulate;event;help;subscribe' {
            break
        }
        'wxdev;simulate;event;help;unsubscribe' {
            break
        }
        'wxdev;simulate;event;help;scan' {
            break
        }
        'wxdev;simulate;event;help;location' {
            break
        }
        'wxdev;simulate;event;help;click' {
            break
        }
        'wxdev;simulate;event;help;view' {
            break
        }
        'wxdev;simulate;event;help;help' {
            break
        }
        'wxdev;simulate;menu' {
            [CompletionResult]::new('--menu', '--menu', [CompletionResultType]::ParameterName, 'Read the menu from this file (- for stdin) instead of menu/get')
            [CompletionResult]::new('--menu-id', '--menu-id', [CompletionResultType]::ParameterName, 'MenuId of view and view_miniprogram events')
            [CompletionResult]::new('--scan-type', '--scan-type', [CompletionResultType]::ParameterName, 'ScanType of scancode events')
            [CompletionResult]::new('--scan-result', '--scan-result', [CompletionResultType]::ParameterName, 'ScanResult of scancode events: what the code holds')
            [CompletionResult]::new('--pics', '--pics', [CompletionResultType]::ParameterName, 'How many pictures a pic_* button sends (1–9)')
            [CompletionResult]::new('--lat', '--lat', [CompletionResultType]::ParameterName, 'Latitude (Location_X) of location_select')
            [CompletionResult]::new('--lng', '--lng', [CompletionResultType]::ParameterName, 'Longitude (Location_Y) of location_select')
            [CompletionResult]::new('--scale', '--scale', [CompletionResultType]::ParameterName, 'Map zoom of location_select')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Place name (Label) of location_select')
            [CompletionResult]::new('--poiname', '--poiname', [CompletionResultType]::ParameterName, 'Point of interest (Poiname) of location_select; WeChat often sends it empty')
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;file' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName: the sender''s OpenID')
            [CompletionResult]::new('--msg-id', '--msg-id', [CompletionResultType]::ParameterName, 'MsgId [default: a fresh 64-bit id]')
            [CompletionResult]::new('--create-time', '--create-time', [CompletionResultType]::ParameterName, 'CreateTime in seconds [default: now]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the exchange as a record file, which wxdev replay can re-send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send this many messages (load mode)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send messages for this many seconds (load mode)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in load mode')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply body exactly as received')
            [CompletionResult]::new('--event-mix', '--event-mix', [CompletionResultType]::ParameterName, 'Send a realistic mix of message and event kinds instead of one KIND')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;simulate;help' {
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'A text message')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'An image message')
            [CompletionResult]::new('voice', 'voice', [CompletionResultType]::ParameterValue, 'A voice message')
            [CompletionResult]::new('video', 'video', [CompletionResultType]::ParameterValue, 'A video message')
            [CompletionResult]::new('shortvideo', 'shortvideo', [CompletionResultType]::ParameterValue, 'A short video message')
            [CompletionResult]::new('location', 'location', [CompletionResultType]::ParameterValue, 'A location message')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'A link message')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'An event')
            [CompletionResult]::new('menu', 'menu', [CompletionResultType]::ParameterValue, 'Press a menu button: send the event its type pushes')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Send an XML file as it is, signed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;simulate;help;text' {
            break
        }
        'wxdev;simulate;help;image' {
            break
        }
        'wxdev;simulate;help;voice' {
            break
        }
        'wxdev;simulate;help;video' {
            break
        }
        'wxdev;simulate;help;shortvideo' {
            break
        }
        'wxdev;simulate;help;location' {
            break
        }
        'wxdev;simulate;help;link' {
            break
        }
        'wxdev;simulate;help;event' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'The user followed the account (from a QR code with --scene)')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'The user unfollowed the account')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'A follower scanned a parametric QR code (Event SCAN)')
            [CompletionResult]::new('location', 'location', [CompletionResultType]::ParameterValue, 'Location report (Event LOCATION)')
            [CompletionResult]::new('click', 'click', [CompletionResultType]::ParameterValue, 'A menu click (Event CLICK)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'A menu link (Event VIEW)')
            break
        }
        'wxdev;simulate;help;event;subscribe' {
            break
        }
        'wxdev;simulate;help;event;unsubscribe' {
            break
        }
        'wxdev;simulate;help;event;scan' {
            break
        }
        'wxdev;simulate;help;event;location' {
            break
        }
        'wxdev;simulate;help;event;click' {
            break
        }
        'wxdev;simulate;help;event;view' {
            break
        }
        'wxdev;simulate;help;menu' {
            break
        }
        'wxdev;simulate;help;file' {
            break
        }
        'wxdev;simulate;help;help' {
            break
        }
        'wxdev;check' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (comma-separated; `hostile` names every hostile-… check)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave out these checks (comma-separated; `hostile` names every hostile-… check)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each request (the limit every check holds the endpoint to)')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--speed-count', '--speed-count', [CompletionResultType]::ParameterName, 'Messages in the speed burst')
            [CompletionResult]::new('--speed-concurrency', '--speed-concurrency', [CompletionResultType]::ParameterName, 'Messages in flight at once in the speed burst')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;serve' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on (0.0.0.0 to accept WeChat directly)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port (0 picks a free one)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Callback path')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; beyond it new ones wait to be accepted')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Seconds a request''s body may take to arrive')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;record' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on, HOST:PORT (port 0 picks a free one)')
            [CompletionResult]::new('--upstream', '--upstream', [CompletionResultType]::ParameterName, 'The endpoint to forward to, http://HOST:PORT (a path is put in front of each request''s)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Directory for the record files (created if missing)')
            [CompletionResult]::new('--upstream-timeout', '--upstream-timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the upstream''s complete answer before closing the client''s connection')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; beyond it new ones wait to be accepted')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Seconds a request''s body may take to arrive')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;replay' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each reply')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--fresh-ids', '--fresh-ids', [CompletionResultType]::ParameterName, 'Give each message a fresh MsgId and CreateTime instead of the recorded ones')
            [CompletionResult]::new('--update', '--update', [CompletionResultType]::ParameterName, 'Rewrite the recorded replies with the new ones (snapshot workflow)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;decrypt' {
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The request''s timestamp, for checking msg_signature')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'The request''s nonce, for checking msg_signature')
            [CompletionResult]::new('--msg-signature', '--msg-signature', [CompletionResultType]::ParameterName, 'The request''s msg_signature, checked with --token')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;encrypt' {
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'TimeStamp of the reply [default: now]')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'Nonce of the reply [default: random digits]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;token' {
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Ask a running `wxdev token serve` at this URL instead of WeChat')
            [CompletionResult]::new('--auth-key', '--auth-key', [CompletionResultType]::ParameterName, 'The token service''s key, sent as Authorization: Bearer')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--force-refresh', '--force-refresh', [CompletionResultType]::ParameterName, 'Fetch a new token even while the cached one is fresh (with --stable: force_refresh, 20 times a day)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;token;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--auth-key', '--auth-key', [CompletionResultType]::ParameterName, 'Key every client must send as Authorization: Bearer (required off loopback)')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'One more account; repeatable (--appid and --secret give the first)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Share tokens through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) [default: the file cache]')
            [CompletionResult]::new('--key-format', '--key-format', [CompletionResultType]::ParameterName, 'Also write tokens where this SDK reads them in Redis, with its TTL; repeatable')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory of the file store [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--refresh-before', '--refresh-before', [CompletionResultType]::ParameterName, 'Refresh in the background when fewer seconds than this remain (raised to what --key-format needs)')
            [CompletionResult]::new('--refresh-jitter', '--refresh-jitter', [CompletionResultType]::ParameterName, 'Up to this many seconds earlier, at random')
            [CompletionResult]::new('--lock-ttl', '--lock-ttl', [CompletionResultType]::ParameterName, 'Milliseconds a Redis refresh lock lives if its holder dies')
            [CompletionResult]::new('--sync-interval', '--sync-interval', [CompletionResultType]::ParameterName, 'Milliseconds between looks at the store and the clock')
            [CompletionResult]::new('--store-timeout', '--store-timeout', [CompletionResultType]::ParameterName, 'Milliseconds a Redis command may take')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; beyond it new ones wait to be accepted')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Seconds a request''s body may take to arrive')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;token;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;token;help;serve' {
            break
        }
        'wxdev;token;help;help' {
            break
        }
        'wxdev;media' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a temporary media file (kept 3 days) and print its media_id')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Download a temporary media file by its media_id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;media;upload' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Media type [default: what the file''s content shows; thumb only when asked]')
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;media;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a directory (keeping WeChat''s name), or - for stdout [default: WeChat''s name]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a directory (keeping WeChat''s name), or - for stdout [default: WeChat''s name]')
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;media;help' {
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a temporary media file (kept 3 days) and print its media_id')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Download a temporary media file by its media_id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;media;help;upload' {
            break
        }
        'wxdev;media;help;get' {
            break
        }
        'wxdev;media;help;help' {
            break
        }
        'wxdev;api' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'The HTTP method [default: GET, or POST when a body is given]')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method [default: GET, or POST when a body is given]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Add a query parameter (percent-encoded); repeatable')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Add a query parameter (percent-encoded); repeatable')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Add a string to the JSON body; KEY[SUB] nests, KEY[] appends; repeatable')
            [CompletionResult]::new('--raw-field', '--raw-field', [CompletionResultType]::ParameterName, 'Add a string to the JSON body; KEY[SUB] nests, KEY[] appends; repeatable')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Add a typed value to the JSON body: true, false, null and whole numbers as JSON; repeatable')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Add a typed value to the JSON body: true, false, null and whole numbers as JSON; repeatable')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Send the JSON in FILE (- for stdin) as the body, as it is')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the answer''s body to FILE (via a temporary file, renamed into place)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the answer''s body to FILE (via a temporary file, renamed into place)')
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing -o FILE')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print the HTTP status line and headers on stderr')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print the HTTP status line and headers on stderr')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;menu' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the menu as a tree (--json: the API''s JSON)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Check a menu file against WeChat''s rules, then create the menu from it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the menu (WeChat removes personalised menus with it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;menu;get' {
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;menu;create' {
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;menu;delete' {
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;menu;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the menu as a tree (--json: the API''s JSON)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Check a menu file against WeChat''s rules, then create the menu from it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the menu (WeChat removes personalised menus with it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;menu;help;get' {
            break
        }
        'wxdev;menu;help;create' {
            break
        }
        'wxdev;menu;help;delete' {
            break
        }
        'wxdev;menu;help;help' {
            break
        }
        'wxdev;proxy' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--upstream', '--upstream', [CompletionResultType]::ParameterName, 'The API base requests are forwarded to [default: --api-base, else https://api.weixin.qq.com]')
            [CompletionResult]::new('--token-from', '--token-from', [CompletionResultType]::ParameterName, 'Get tokens from a running `wxdev token serve` at this URL (sent the --auth-key)')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Path prefix business servers may call (e.g. /cgi-bin/message/); repeatable [default: all]')
            [CompletionResult]::new('--auth-key', '--auth-key', [CompletionResultType]::ParameterName, 'Key every client must send as Authorization: Bearer (required off loopback); also sent to --token-from')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'One more account; repeatable (--appid and --secret give the first)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Share tokens through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) [default: the file cache]')
            [CompletionResult]::new('--key-format', '--key-format', [CompletionResultType]::ParameterName, 'Also write tokens where this SDK reads them in Redis, with its TTL; repeatable')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory of the file store [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--refresh-before', '--refresh-before', [CompletionResultType]::ParameterName, 'Refresh in the background when fewer seconds than this remain (raised to what --key-format needs)')
            [CompletionResult]::new('--refresh-jitter', '--refresh-jitter', [CompletionResultType]::ParameterName, 'Up to this many seconds earlier, at random')
            [CompletionResult]::new('--lock-ttl', '--lock-ttl', [CompletionResultType]::ParameterName, 'Milliseconds a Redis refresh lock lives if its holder dies')
            [CompletionResult]::new('--sync-interval', '--sync-interval', [CompletionResultType]::ParameterName, 'Milliseconds between looks at the store and the clock')
            [CompletionResult]::new('--store-timeout', '--store-timeout', [CompletionResultType]::ParameterName, 'Milliseconds a Redis command may take')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; beyond it new ones wait to be accepted')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Seconds a request''s body may take to arrive')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;mock-api' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port (0 picks a free one)')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'One more AppID and AppSecret to accept; repeatable (--appid and --secret give the first pair)')
            [CompletionResult]::new('--token-ttl', '--token-ttl', [CompletionResultType]::ParameterName, 'Seconds a token lives (at most a day, the most wxdev''s own client accepts)')
            [CompletionResult]::new('--fail-next', '--fail-next', [CompletionResultType]::ParameterName, 'Answer the next API call with this errcode (ERRCODE@PATH: the next call to that API); repeatable, in order')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'A test user for web authorization, shown on the consent page; repeatable [default: three sample users]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Keep uploaded media in this directory instead of in memory')
            [CompletionResult]::new('--token-delay', '--token-delay', [CompletionResultType]::ParameterName, 'Milliseconds to wait before answering token and stable_token calls (a slow WeChat)')
            [CompletionResult]::new('--max-media-bytes', '--max-media-bytes', [CompletionResultType]::ParameterName, 'Most bytes of media kept in memory (256 MiB by default); beyond it the oldest media are evicted')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; beyond it new ones wait to be accepted')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Seconds a request''s body may take to arrive')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;phone' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to serve the page on, HOST:PORT (port 0 picks a free one; loopback unless told otherwise)')
            [CompletionResult]::new('--menu', '--menu', [CompletionResultType]::ParameterName, 'Read the menu from this file instead of menu/get on the API base')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'ToUserName: the account''s original id (gh_…)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'FromUserName of the first user: an OpenID (more can be added on the page)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds WeChat waits for each attempt')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]')
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'Use this access_token instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; beyond it new ones wait to be accepted')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a connection may take to send a request''s headers; also how long an idle keep-alive connection stays open')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Seconds a request''s body may take to arrive')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Open the page in the system browser')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;jssdk' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Does a wx.config signature match? If not, name the usual mistake that reproduces it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;jssdk;sign' {
            [CompletionResult]::new('--noncestr', '--noncestr', [CompletionResultType]::ParameterName, 'The nonceStr to sign [default: 16 random letters and digits]')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The timestamp to sign, in Unix seconds [default: now]')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Sign with this jsapi_ticket instead of the cached or fetched one')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Ask a running `wxdev token serve` at this URL instead of WeChat')
            [CompletionResult]::new('--auth-key', '--auth-key', [CompletionResultType]::ParameterName, 'The token service''s key, sent as Authorization: Bearer')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show string1 (what is hashed) on stderr')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;jssdk;check' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The page''s URL as the browser had it (location.href)')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The signature given to wx.config')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The timestamp given to wx.config')
            [CompletionResult]::new('--noncestr', '--noncestr', [CompletionResultType]::ParameterName, 'The nonceStr given to wx.config')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The jsapi_ticket it should have been signed with [default: the cached or fetched one]')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Ask a running `wxdev token serve` at this URL instead of WeChat')
            [CompletionResult]::new('--auth-key', '--auth-key', [CompletionResultType]::ParameterName, 'The token service''s key, sent as Authorization: Bearer')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--stable', '--stable', [CompletionResultType]::ParameterName, 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;jssdk;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Does a wx.config signature match? If not, name the usual mistake that reproduces it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;jssdk;help;sign' {
            break
        }
        'wxdev;jssdk;help;check' {
            break
        }
        'wxdev;jssdk;help;help' {
            break
        }
        'wxdev;oauth' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the authorize link (parameters in WeChat''s order), after checking it as WeChat would')
            [CompletionResult]::new('exchange', 'exchange', [CompletionResultType]::ParameterValue, 'Exchange a callback''s code for the web access_token and OpenID (/sns/oauth2/access_token)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)')
            [CompletionResult]::new('userinfo', 'userinfo', [CompletionResultType]::ParameterValue, 'Show a user''s profile (/sns/userinfo; needs a snsapi_userinfo token)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;oauth;url' {
            [CompletionResult]::new('--redirect-uri', '--redirect-uri', [CompletionResultType]::ParameterName, 'Where WeChat sends the browser back with ?code=…&state=…')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'What to ask for')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The state to get back (a-z, A-Z, 0-9) [default: 16 random letters and digits]')
            [CompletionResult]::new('--open-base', '--open-base', [CompletionResultType]::ParameterName, 'Where the authorize page is served (point it at mock-api to test on this machine)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--force-popup', '--force-popup', [CompletionResultType]::ParameterName, 'Add forcePopup=true: show the consent page even where it would be skipped')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'wxdev;oauth;exchange' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The profile''s language')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--userinfo', '--userinfo', [CompletionResultType]::ParameterName, 'Also fetch the user''s profile (/sns/userinfo)')
            [CompletionResult]::new('--print-token', '--print-token', [CompletionResultType]::ParameterName, 'Print the access_token and refresh_token too (--json always has them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;oauth;refresh' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--print-token', '--print-token', [CompletionResultType]::ParameterName, 'Print the new access_token and the refresh_token (--json always has them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;oauth;userinfo' {
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'The web access_token (not the account''s access_token)')
            [CompletionResult]::new('--openid', '--openid', [CompletionResultType]::ParameterName, 'The OpenID the token was issued for')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The profile''s language')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;oauth;check' {
            [CompletionResult]::new('--access-token', '--access-token', [CompletionResultType]::ParameterName, 'The web access_token (not the account''s access_token)')
            [CompletionResult]::new('--openid', '--openid', [CompletionResultType]::ParameterName, 'The OpenID the token was issued for')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file (default: ./wxdev.toml when present)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The Token set in 公众号后台 → 基本配置')
            [CompletionResult]::new('--appid', '--appid', [CompletionResultType]::ParameterName, 'The account''s AppID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The account''s AppSecret')
            [CompletionResult]::new('--aes-key', '--aes-key', [CompletionResultType]::ParameterName, 'The EncodingAESKey (43 characters) for safe and compatible mode')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The developer''s endpoint (服务器地址 URL)')
            [CompletionResult]::new('--api-base', '--api-base', [CompletionResultType]::ParameterName, 'WeChat API base URL')
            [CompletionResult]::new('--oauth-domain', '--oauth-domain', [CompletionResultType]::ParameterName, 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON object on stdout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'wxdev;oauth;help' {
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the authorize link (parameters in WeChat''s order), after checking it as WeChat would')
            [CompletionResult]::new('exchange', 'exchange', [CompletionResultType]::ParameterValue, 'Exchange a callback''s code for the web access_token and OpenID (/sns/oauth2/access_token)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)')
            [CompletionResult]::new('userinfo', 'userinfo', [CompletionResultType]::ParameterValue, 'Show a user''s profile (/sns/userinfo; needs a snsapi_userinfo token)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;oauth;help;url' {
            break
        }
        'wxdev;oauth;help;exchange' {
            break
        }
        'wxdev;oauth;help;refresh' {
            break
        }
        'wxdev;oauth;help;userinfo' {
            break
        }
        'wxdev;oauth;help;check' {
            break
        }
        'wxdev;oauth;help;help' {
            break
        }
        'wxdev;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a callback URL, or print a signature')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a signed URL offline, or do what WeChat does when 提交 is pressed')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Play WeChat''s server: send a message or event to an endpoint and judge the reply')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Score an endpoint: handshake, forged and replayed requests, every message type, retries, speed, hostile input')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the reference echo endpoint')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Sit in front of an endpoint as a reverse proxy and save every exchange as a JSON file')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-send recorded messages, freshly signed, and compare each reply with the recorded one')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt a safe- or compatible-mode body, or an Encrypt value, and check it')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt a message as an encrypted reply (for building test payloads)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print an access_token: cached while fresh, one refresh at a time across processes')
            [CompletionResult]::new('media', 'media', [CompletionResultType]::ParameterValue, 'Upload or download temporary media')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call any WeChat API with the access_token added, and print the answer')
            [CompletionResult]::new('menu', 'menu', [CompletionResultType]::ParameterValue, 'Create, show or delete the custom menu (自定义菜单)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Forward API calls to WeChat with the account''s current access_token (API-Proxy)')
            [CompletionResult]::new('mock-api', 'mock-api', [CompletionResultType]::ParameterValue, 'Run a local WeChat API for tests: tokens, media, menus, messages, QR codes, users, tickets, material, /mock/calls')
            [CompletionResult]::new('phone', 'phone', [CompletionResultType]::ParameterValue, 'Chat with the endpoint in a browser page that looks like WeChat: bubbles, cards, menu, pushed messages, inspector')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('jssdk', 'jssdk', [CompletionResultType]::ParameterValue, 'JS-SDK: sign wx.config for a page, or find the mistake behind "config:invalid signature"')
            [CompletionResult]::new('oauth', 'oauth', [CompletionResultType]::ParameterValue, 'Web authorization (网页授权): the authorize link, code exchange, refresh, userinfo, token check')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxdev;help;sign' {
            break
        }
        'wxdev;help;verify' {
            break
        }
        'wxdev;help;simulate' {
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'A text message')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'An image message')
            [CompletionResult]::new('voice', 'voice', [CompletionResultType]::ParameterValue, 'A voice message')
            [CompletionResult]::new('video', 'video', [CompletionResultType]::ParameterValue, 'A video message')
            [CompletionResult]::new('shortvideo', 'shortvideo', [CompletionResultType]::ParameterValue, 'A short video message')
            [CompletionResult]::new('location', 'location', [CompletionResultType]::ParameterValue, 'A location message')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'A link message')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'An event')
            [CompletionResult]::new('menu', 'menu', [CompletionResultType]::ParameterValue, 'Press a menu button: send the event its type pushes')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Send an XML file as it is, signed')
            break
        }
        'wxdev;help;simulate;text' {
            break
        }
        'wxdev;help;simulate;image' {
            break
        }
        'wxdev;help;simulate;voice' {
            break
        }
        'wxdev;help;simulate;video' {
            break
        }
        'wxdev;help;simulate;shortvideo' {
            break
        }
        'wxdev;help;simulate;location' {
            break
        }
        'wxdev;help;simulate;link' {
            break
        }
        'wxdev;help;simulate;event' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'The user followed the account (from a QR code with --scene)')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'The user unfollowed the account')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'A follower scanned a parametric QR code (Event SCAN)')
            [CompletionResult]::new('location', 'location', [CompletionResultType]::ParameterValue, 'Location report (Event LOCATION)')
            [CompletionResult]::new('click', 'click', [CompletionResultType]::ParameterValue, 'A menu click (Event CLICK)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'A menu link (Event VIEW)')
            break
        }
        'wxdev;help;simulate;event;subscribe' {
            break
        }
        'wxdev;help;simulate;event;unsubscribe' {
            break
        }
        'wxdev;help;simulate;event;scan' {
            break
        }
        'wxdev;help;simulate;event;location' {
            break
        }
        'wxdev;help;simulate;event;click' {
            break
        }
        'wxdev;help;simulate;event;view' {
            break
        }
        'wxdev;help;simulate;menu' {
            break
        }
        'wxdev;help;simulate;file' {
            break
        }
        'wxdev;help;check' {
            break
        }
        'wxdev;help;serve' {
            break
        }
        'wxdev;help;record' {
            break
        }
        'wxdev;help;replay' {
            break
        }
        'wxdev;help;decrypt' {
            break
        }
        'wxdev;help;encrypt' {
            break
        }
        'wxdev;help;token' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry')
            break
        }
        'wxdev;help;token;serve' {
            break
        }
        'wxdev;help;media' {
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a temporary media file (kept 3 days) and print its media_id')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Download a temporary media file by its media_id')
            break
        }
        'wxdev;help;media;upload' {
            break
        }
        'wxdev;help;media;get' {
            break
        }
        'wxdev;help;api' {
            break
        }
        'wxdev;help;menu' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the menu as a tree (--json: the API''s JSON)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Check a menu file against WeChat''s rules, then create the menu from it')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the menu (WeChat removes personalised menus with it)')
            break
        }
        'wxdev;help;menu;get' {
            break
        }
        'wxdev;help;menu;create' {
            break
        }
        'wxdev;help;menu;delete' {
            break
        }
        'wxdev;help;proxy' {
            break
        }
        'wxdev;help;mock-api' {
            break
        }
        'wxdev;help;phone' {
            break
        }
        'wxdev;help;completions' {
            break
        }
        'wxdev;help;jssdk' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Does a wx.config signature match? If not, name the usual mistake that reproduces it')
            break
        }
        'wxdev;help;jssdk;sign' {
            break
        }
        'wxdev;help;jssdk;check' {
            break
        }
        'wxdev;help;oauth' {
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the authorize link (parameters in WeChat''s order), after checking it as WeChat would')
            [CompletionResult]::new('exchange', 'exchange', [CompletionResultType]::ParameterValue, 'Exchange a callback''s code for the web access_token and OpenID (/sns/oauth2/access_token)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)')
            [CompletionResult]::new('userinfo', 'userinfo', [CompletionResultType]::ParameterValue, 'Show a user''s profile (/sns/userinfo; needs a snsapi_userinfo token)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)')
            break
        }
        'wxdev;help;oauth;url' {
            break
        }
        'wxdev;help;oauth;exchange' {
            break
        }
        'wxdev;help;oauth;refresh' {
            break
        }
        'wxdev;help;oauth;userinfo' {
            break
        }
        'wxdev;help;oauth;check' {
            break
        }
        'wxdev;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
