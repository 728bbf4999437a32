# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_wxdev_global_optspecs
    string join \n json color= config= token= appid= secret= aes-key= url= api-base= oauth-domain= h/help V/version
end

function __fish_wxdev_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_wxdev_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_wxdev_using_subcommand
    set -l cmd (__fish_wxdev_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c wxdev -n "__fish_wxdev_needs_command" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_needs_command" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_needs_command" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_needs_command" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_needs_command" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_needs_command" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_needs_command" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_needs_command" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_needs_command" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_needs_command" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_needs_command" -s V -l version -d 'Print version'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "sign" -d 'Sign a callback URL, or print a signature'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "verify" -d 'Check a signed URL offline, or do what WeChat does when 提交 is pressed'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "simulate" -d 'Play WeChat\'s server: send a message or event to an endpoint and judge the reply'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "check" -d 'Score an endpoint: handshake, forged and replayed requests, every message type, retries, speed, hostile input'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "serve" -d 'Run the reference echo endpoint'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "record" -d 'Sit in front of an endpoint as a reverse proxy and save every exchange as a JSON file'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "replay" -d 'Re-send recorded messages, freshly signed, and compare each reply with the recorded one'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "decrypt" -d 'Decrypt a safe- or compatible-mode body, or an Encrypt value, and check it'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "encrypt" -d 'Encrypt a message as an encrypted reply (for building test payloads)'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "token" -d 'Print an access_token: cached while fresh, one refresh at a time across processes'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "media" -d 'Upload or download temporary media'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "api" -d 'Call any WeChat API with the access_token added, and print the answer'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "menu" -d 'Create, show or delete the custom menu (自定义菜单)'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "proxy" -d 'Forward API calls to WeChat with the account\'s current access_token (API-Proxy)'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "mock-api" -d 'Run a local WeChat API for tests: tokens, media, menus, messages, QR codes, users, tickets, material, /mock/calls'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "phone" -d 'Chat with the endpoint in a browser page that looks like WeChat: bubbles, cards, menu, pushed messages, inspector'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "jssdk" -d 'JS-SDK: sign wx.config for a page, or find the mistake behind "config:invalid signature"'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "oauth" -d 'Web authorization (网页授权): the authorize link, code exchange, refresh, userinfo, token check'
complete -c wxdev -n "__fish_wxdev_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l timestamp -d 'Timestamp in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l nonce -d 'Nonce [default: random digits]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l echostr -d 'echostr to put in the URL, as in WeChat\'s verification request' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l encrypt -d 'Print the msg_signature over this Encrypt value instead (safe and compatible mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l explain -d 'Show the sorted string that was hashed (on stderr)'
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand sign" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l timeout -d 'Seconds to wait for the endpoint, as WeChat does' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand verify" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "text" -d 'A text message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "image" -d 'An image message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "voice" -d 'A voice message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "video" -d 'A video message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "shortvideo" -d 'A short video message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "location" -d 'A location message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "link" -d 'A link message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "event" -d 'An event'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "menu" -d 'Press a menu button: send the event its type pushes'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "file" -d 'Send an XML file as it is, signed'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and not __fish_seen_subcommand_from text image voice video shortvideo location link event menu file help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from text" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l pic-url -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l media-id -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from image" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l media-id -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l format -d 'amr or speex' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l recognition -d 'Speech recognition result (sent when recognition is on)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from voice" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l media-id -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l thumb-media-id -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from video" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l media-id -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l thumb-media-id -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from shortvideo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l lat -d 'Latitude (Location_X)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l lng -d 'Longitude (Location_Y)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l scale -d 'Map zoom' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l label -d 'Place name' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from location" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l title -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l description -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l link-url -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -f -a "subscribe" -d 'The user followed the account (from a QR code with --scene)'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -f -a "unsubscribe" -d 'The user unfollowed the account'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -f -a "scan" -d 'A follower scanned a parametric QR code (Event SCAN)'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -f -a "location" -d 'Location report (Event LOCATION)'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -f -a "click" -d 'A menu click (Event CLICK)'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -f -a "view" -d 'A menu link (Event VIEW)'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from event" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l menu -d 'Read the menu from this file (- for stdin) instead of menu/get' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l menu-id -d 'MenuId of view and view_miniprogram events' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l scan-type -d 'ScanType of scancode events' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l scan-result -d 'ScanResult of scancode events: what the code holds' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l pics -d 'How many pictures a pic_* button sends (1–9)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l lat -d 'Latitude (Location_X) of location_select' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l lng -d 'Longitude (Location_Y) of location_select' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l scale -d 'Map zoom of location_select' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l label -d 'Place name (Label) of location_select' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l poiname -d 'Point of interest (Poiname) of location_select; WeChat often sends it empty' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from menu" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l from -d 'FromUserName: the sender\'s OpenID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l msg-id -d 'MsgId [default: a fresh 64-bit id]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l create-time -d 'CreateTime in seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l save -d 'Save the exchange as a record file, which wxdev replay can re-send' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l count -d 'Send this many messages (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l duration -d 'Send messages for this many seconds (load mode)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l concurrency -d 'Messages in flight at once in load mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l raw -d 'Print the reply body exactly as received'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l event-mix -d 'Send a realistic mix of message and event kinds instead of one KIND'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from file" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "text" -d 'A text message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "image" -d 'An image message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "voice" -d 'A voice message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "video" -d 'A video message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "shortvideo" -d 'A short video message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "location" -d 'A location message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "link" -d 'A link message'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "event" -d 'An event'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "menu" -d 'Press a menu button: send the event its type pushes'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "file" -d 'Send an XML file as it is, signed'
complete -c wxdev -n "__fish_wxdev_using_subcommand simulate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l only -d 'Run only these checks (comma-separated; `hostile` names every hostile-… check)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l skip -d 'Leave out these checks (comma-separated; `hostile` names every hostile-… check)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l timeout -d 'Seconds WeChat waits for each request (the limit every check holds the endpoint to)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l speed-count -d 'Messages in the speed burst' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l speed-concurrency -d 'Messages in flight at once in the speed burst' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l host -d 'Address to listen on (0.0.0.0 to accept WeChat directly)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l port -d 'Port (0 picks a free one)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l path -d 'Callback path' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l max-connections -d 'Connections served at once; beyond it new ones wait to be accepted' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l header-timeout -d 'Seconds a connection may take to send a request\'s headers; also how long an idle keep-alive connection stays open' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l body-timeout -d 'Seconds a request\'s body may take to arrive' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand serve" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l listen -d 'Address to listen on, HOST:PORT (port 0 picks a free one)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l upstream -d 'The endpoint to forward to, http://HOST:PORT (a path is put in front of each request\'s)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l dir -d 'Directory for the record files (created if missing)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l upstream-timeout -d 'Seconds to wait for the upstream\'s complete answer before closing the client\'s connection' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l max-connections -d 'Connections served at once; beyond it new ones wait to be accepted' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l header-timeout -d 'Seconds a connection may take to send a request\'s headers; also how long an idle keep-alive connection stays open' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l body-timeout -d 'Seconds a request\'s body may take to arrive' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand record" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l timeout -d 'Seconds to wait for each reply' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l fresh-ids -d 'Give each message a fresh MsgId and CreateTime instead of the recorded ones'
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l update -d 'Rewrite the recorded replies with the new ones (snapshot workflow)'
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand replay" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l timestamp -d 'The request\'s timestamp, for checking msg_signature' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l nonce -d 'The request\'s nonce, for checking msg_signature' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l msg-signature -d 'The request\'s msg_signature, checked with --token' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand decrypt" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l timestamp -d 'TimeStamp of the reply [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l nonce -d 'Nonce of the reply [default: random digits]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand encrypt" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l store -d 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l from -d 'Ask a running `wxdev token serve` at this URL instead of WeChat' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l auth-key -d 'The token service\'s key, sent as Authorization: Bearer' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l force-refresh -d 'Fetch a new token even while the cached one is fresh (with --stable: force_refresh, 20 times a day)'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -f -a "serve" -d 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and not __fish_seen_subcommand_from serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l listen -d 'Address to listen on' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l auth-key -d 'Key every client must send as Authorization: Bearer (required off loopback)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l app -d 'One more account; repeatable (--appid and --secret give the first)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l store -d 'Share tokens through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) [default: the file cache]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l key-format -d 'Also write tokens where this SDK reads them in Redis, with its TTL; repeatable' -r -f -a "wxdev\t''
wechatpy\t''
silenceper\t''
easywechat\t''
wxjava\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l cache-dir -d 'Token cache directory of the file store [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l refresh-before -d 'Refresh in the background when fewer seconds than this remain (raised to what --key-format needs)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l refresh-jitter -d 'Up to this many seconds earlier, at random' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l lock-ttl -d 'Milliseconds a Redis refresh lock lives if its holder dies' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l sync-interval -d 'Milliseconds between looks at the store and the clock' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l store-timeout -d 'Milliseconds a Redis command may take' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l max-connections -d 'Connections served at once; beyond it new ones wait to be accepted' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l header-timeout -d 'Seconds a connection may take to send a request\'s headers; also how long an idle keep-alive connection stays open' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l body-timeout -d 'Seconds a request\'s body may take to arrive' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry'
complete -c wxdev -n "__fish_wxdev_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -f -a "upload" -d 'Upload a temporary media file (kept 3 days) and print its media_id'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -f -a "get" -d 'Download a temporary media file by its media_id'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and not __fish_seen_subcommand_from upload get help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l type -d 'Media type [default: what the file\'s content shows; thumb only when asked]' -r -f -a "image\t''
voice\t''
video\t''
thumb\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -s o -l output -d 'Where to write it: a file, a directory (keeping WeChat\'s name), or - for stdout [default: WeChat\'s name]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l force -d 'Replace an existing file'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Upload a temporary media file (kept 3 days) and print its media_id'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "get" -d 'Download a temporary media file by its media_id'
complete -c wxdev -n "__fish_wxdev_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -s X -l method -d 'The HTTP method [default: GET, or POST when a body is given]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -s q -l query -d 'Add a query parameter (percent-encoded); repeatable' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -s f -l raw-field -d 'Add a string to the JSON body; KEY[SUB] nests, KEY[] appends; repeatable' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -s F -l field -d 'Add a typed value to the JSON body: true, false, null and whole numbers as JSON; repeatable' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l input -d 'Send the JSON in FILE (- for stdin) as the body, as it is' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -s o -l output -d 'Write the answer\'s body to FILE (via a temporary file, renamed into place)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l force -d 'Replace an existing -o FILE'
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -s i -l include -d 'Print the HTTP status line and headers on stderr'
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand api" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -f -a "get" -d 'Show the menu as a tree (--json: the API\'s JSON)'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -f -a "create" -d 'Check a menu file against WeChat\'s rules, then create the menu from it'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -f -a "delete" -d 'Delete the menu (WeChat removes personalised menus with it)'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and not __fish_seen_subcommand_from get create delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show the menu as a tree (--json: the API\'s JSON)'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from help" -f -a "create" -d 'Check a menu file against WeChat\'s rules, then create the menu from it'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the menu (WeChat removes personalised menus with it)'
complete -c wxdev -n "__fish_wxdev_using_subcommand menu; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l listen -d 'Address to listen on' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l upstream -d 'The API base requests are forwarded to [default: --api-base, else https://api.weixin.qq.com]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l token-from -d 'Get tokens from a running `wxdev token serve` at this URL (sent the --auth-key)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l allow -d 'Path prefix business servers may call (e.g. /cgi-bin/message/); repeatable [default: all]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l auth-key -d 'Key every client must send as Authorization: Bearer (required off loopback); also sent to --token-from' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l app -d 'One more account; repeatable (--appid and --secret give the first)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l store -d 'Share tokens through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) [default: the file cache]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l key-format -d 'Also write tokens where this SDK reads them in Redis, with its TTL; repeatable' -r -f -a "wxdev\t''
wechatpy\t''
silenceper\t''
easywechat\t''
wxjava\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l cache-dir -d 'Token cache directory of the file store [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l refresh-before -d 'Refresh in the background when fewer seconds than this remain (raised to what --key-format needs)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l refresh-jitter -d 'Up to this many seconds earlier, at random' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l lock-ttl -d 'Milliseconds a Redis refresh lock lives if its holder dies' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l sync-interval -d 'Milliseconds between looks at the store and the clock' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l store-timeout -d 'Milliseconds a Redis command may take' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l max-connections -d 'Connections served at once; beyond it new ones wait to be accepted' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l header-timeout -d 'Seconds a connection may take to send a request\'s headers; also how long an idle keep-alive connection stays open' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l body-timeout -d 'Seconds a request\'s body may take to arrive' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand proxy" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l host -d 'Address to listen on' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l port -d 'Port (0 picks a free one)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l app -d 'One more AppID and AppSecret to accept; repeatable (--appid and --secret give the first pair)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l token-ttl -d 'Seconds a token lives (at most a day, the most wxdev\'s own client accepts)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l fail-next -d 'Answer the next API call with this errcode (ERRCODE@PATH: the next call to that API); repeatable, in order' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l user -d 'A test user for web authorization, shown on the consent page; repeatable [default: three sample users]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l data-dir -d 'Keep uploaded media in this directory instead of in memory' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l token-delay -d 'Milliseconds to wait before answering token and stable_token calls (a slow WeChat)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l max-media-bytes -d 'Most bytes of media kept in memory (256 MiB by default); beyond it the oldest media are evicted' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l max-connections -d 'Connections served at once; beyond it new ones wait to be accepted' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l header-timeout -d 'Seconds a connection may take to send a request\'s headers; also how long an idle keep-alive connection stays open' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l body-timeout -d 'Seconds a request\'s body may take to arrive' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand mock-api" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l listen -d 'Address to serve the page on, HOST:PORT (port 0 picks a free one; loopback unless told otherwise)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l menu -d 'Read the menu from this file instead of menu/get on the API base' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l to -d 'ToUserName: the account\'s original id (gh_…)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l from -d 'FromUserName of the first user: an OpenID (more can be added on the page)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l timeout -d 'Seconds WeChat waits for each attempt' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l mode -d 'Message encryption: plain (明文), compat (兼容) or safe (安全) [default: safe with --aes-key, else plain]' -r -f -a "plain\t'明文模式: plaintext'
compat\t'兼容模式: plaintext and ciphertext side by side'
safe\t'安全模式: ciphertext only'"
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l access-token -d 'Use this access_token instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l max-connections -d 'Connections served at once; beyond it new ones wait to be accepted' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l header-timeout -d 'Seconds a connection may take to send a request\'s headers; also how long an idle keep-alive connection stays open' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l body-timeout -d 'Seconds a request\'s body may take to arrive' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l open -d 'Open the page in the system browser'
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand phone" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand completions" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -f -a "sign" -d 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -f -a "check" -d 'Does a wx.config signature match? If not, name the usual mistake that reproduces it'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and not __fish_seen_subcommand_from sign check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l noncestr -d 'The nonceStr to sign [default: 16 random letters and digits]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l timestamp -d 'The timestamp to sign, in Unix seconds [default: now]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l ticket -d 'Sign with this jsapi_ticket instead of the cached or fetched one' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l store -d 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l from -d 'Ask a running `wxdev token serve` at this URL instead of WeChat' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l auth-key -d 'The token service\'s key, sent as Authorization: Bearer' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l explain -d 'Show string1 (what is hashed) on stderr'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l url -d 'The page\'s URL as the browser had it (location.href)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l signature -d 'The signature given to wx.config' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l timestamp -d 'The timestamp given to wx.config' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l noncestr -d 'The nonceStr given to wx.config' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l ticket -d 'The jsapi_ticket it should have been signed with [default: the cached or fetched one]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l cache-dir -d 'Token cache directory [default: $XDG_CACHE_HOME/wxdev, else ~/.cache/wxdev]' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l store -d 'Share tokens and tickets through Redis (redis://[:PASSWORD@]HOST:PORT/DB, rediss:// for TLS) instead of the file cache' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l from -d 'Ask a running `wxdev token serve` at this URL instead of WeChat' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l auth-key -d 'The token service\'s key, sent as Authorization: Bearer' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l stable -d 'Use POST /cgi-bin/stable_token instead of GET /cgi-bin/token'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l no-cache -d 'Neither read nor write the token cache'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from help" -f -a "check" -d 'Does a wx.config signature match? If not, name the usual mistake that reproduces it'
complete -c wxdev -n "__fish_wxdev_using_subcommand jssdk; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -f -a "url" -d 'Print the authorize link (parameters in WeChat\'s order), after checking it as WeChat would'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -f -a "exchange" -d 'Exchange a callback\'s code for the web access_token and OpenID (/sns/oauth2/access_token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -f -a "refresh" -d 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -f -a "userinfo" -d 'Show a user\'s profile (/sns/userinfo; needs a snsapi_userinfo token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -f -a "check" -d 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and not __fish_seen_subcommand_from url exchange refresh userinfo check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l redirect-uri -d 'Where WeChat sends the browser back with ?code=…&state=…' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l scope -d 'What to ask for' -r -f -a "base\t'snsapi_base: silent, the OpenID only'
userinfo\t'snsapi_userinfo: a consent page, then the profile'"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l state -d 'The state to get back (a-z, A-Z, 0-9) [default: 16 random letters and digits]' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l open-base -d 'Where the authorize page is served (point it at mock-api to test on this machine)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l force-popup -d 'Add forcePopup=true: show the consent page even where it would be skipped'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from url" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l lang -d 'The profile\'s language' -r -f -a "zh_CN\t''
zh_TW\t''
en\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l userinfo -d 'Also fetch the user\'s profile (/sns/userinfo)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l print-token -d 'Print the access_token and refresh_token too (--json always has them)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from exchange" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l print-token -d 'Print the new access_token and the refresh_token (--json always has them)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l access-token -d 'The web access_token (not the account\'s access_token)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l openid -d 'The OpenID the token was issued for' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l lang -d 'The profile\'s language' -r -f -a "zh_CN\t''
zh_TW\t''
en\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from userinfo" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l access-token -d 'The web access_token (not the account\'s access_token)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l openid -d 'The OpenID the token was issued for' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l config -d 'Settings file (default: ./wxdev.toml when present)' -r -F
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l token -d 'The Token set in 公众号后台 → 基本配置' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l appid -d 'The account\'s AppID' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l secret -d 'The account\'s AppSecret' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l aes-key -d 'The EncodingAESKey (43 characters) for safe and compatible mode' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l url -d 'The developer\'s endpoint (服务器地址 URL)' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l api-base -d 'WeChat API base URL' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l oauth-domain -d 'The 网页授权域名 (web-authorization domain) set in 公众号后台; repeatable or comma-separated' -r
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -l json -d 'Print exactly one JSON object on stdout'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "url" -d 'Print the authorize link (parameters in WeChat\'s order), after checking it as WeChat would'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "exchange" -d 'Exchange a callback\'s code for the web access_token and OpenID (/sns/oauth2/access_token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "refresh" -d 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "userinfo" -d 'Show a user\'s profile (/sns/userinfo; needs a snsapi_userinfo token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "check" -d 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)'
complete -c wxdev -n "__fish_wxdev_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "sign" -d 'Sign a callback URL, or print a signature'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "verify" -d 'Check a signed URL offline, or do what WeChat does when 提交 is pressed'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "simulate" -d 'Play WeChat\'s server: send a message or event to an endpoint and judge the reply'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "check" -d 'Score an endpoint: handshake, forged and replayed requests, every message type, retries, speed, hostile input'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "serve" -d 'Run the reference echo endpoint'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "record" -d 'Sit in front of an endpoint as a reverse proxy and save every exchange as a JSON file'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "replay" -d 'Re-send recorded messages, freshly signed, and compare each reply with the recorded one'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "decrypt" -d 'Decrypt a safe- or compatible-mode body, or an Encrypt value, and check it'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "encrypt" -d 'Encrypt a message as an encrypted reply (for building test payloads)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "token" -d 'Print an access_token: cached while fresh, one refresh at a time across processes'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "media" -d 'Upload or download temporary media'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "api" -d 'Call any WeChat API with the access_token added, and print the answer'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "menu" -d 'Create, show or delete the custom menu (自定义菜单)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "proxy" -d 'Forward API calls to WeChat with the account\'s current access_token (API-Proxy)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "mock-api" -d 'Run a local WeChat API for tests: tokens, media, menus, messages, QR codes, users, tickets, material, /mock/calls'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "phone" -d 'Chat with the endpoint in a browser page that looks like WeChat: bubbles, cards, menu, pushed messages, inspector'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "completions" -d 'Print a shell completion script'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "jssdk" -d 'JS-SDK: sign wx.config for a page, or find the mistake behind "config:invalid signature"'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "oauth" -d 'Web authorization (网页授权): the authorize link, code exchange, refresh, userinfo, token check'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and not __fish_seen_subcommand_from sign verify simulate check serve record replay decrypt encrypt token media api menu proxy mock-api phone completions jssdk oauth help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "text" -d 'A text message'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "image" -d 'An image message'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "voice" -d 'A voice message'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "video" -d 'A video message'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "shortvideo" -d 'A short video message'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "location" -d 'A location message'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "link" -d 'A link message'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "event" -d 'An event'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "menu" -d 'Press a menu button: send the event its type pushes'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from simulate" -f -a "file" -d 'Send an XML file as it is, signed'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "serve" -d 'Run the AccessToken 中控: one token per account for every business server, refreshed before expiry'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from media" -f -a "upload" -d 'Upload a temporary media file (kept 3 days) and print its media_id'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from media" -f -a "get" -d 'Download a temporary media file by its media_id'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from menu" -f -a "get" -d 'Show the menu as a tree (--json: the API\'s JSON)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from menu" -f -a "create" -d 'Check a menu file against WeChat\'s rules, then create the menu from it'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from menu" -f -a "delete" -d 'Delete the menu (WeChat removes personalised menus with it)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from jssdk" -f -a "sign" -d 'Print the wx.config fields (appId, timestamp, nonceStr, signature) for a page URL as JSON'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from jssdk" -f -a "check" -d 'Does a wx.config signature match? If not, name the usual mistake that reproduces it'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "url" -d 'Print the authorize link (parameters in WeChat\'s order), after checking it as WeChat would'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "exchange" -d 'Exchange a callback\'s code for the web access_token and OpenID (/sns/oauth2/access_token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "refresh" -d 'Renew a web access_token with its refresh_token (/sns/oauth2/refresh_token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "userinfo" -d 'Show a user\'s profile (/sns/userinfo; needs a snsapi_userinfo token)'
complete -c wxdev -n "__fish_wxdev_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "check" -d 'Is a web access_token valid for this OpenID? (/sns/auth; exit 0 yes, 1 no)'
