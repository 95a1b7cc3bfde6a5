/// JSON-RPC 2.0 as the language server protocol uses it: requests, notifications, responses and error codes.
enum JSONRPC {
    /// Error codes of JSON-RPC 2.0 and LSP 3.17.
    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestCancelled = -32800
    }

    /// One message, told apart by its members.
    enum Message {
        case request(id: JSONValue, method: String, params: JSONValue?)
        case notification(method: String, params: JSONValue?)
        /// A client's answer to a request of the server's (`client/registerCapability`).
        case response(id: JSONValue)
        case invalid(id: JSONValue, reason: String)

        init(_ value: JSONValue) {
            guard value.isObject else {
                self = .invalid(id: .null, reason: "a message must be a JSON object (batches are not used by the protocol)")
                return
            }
            let id = value["id"]
            let validID: JSONValue? = switch id {
            case .integer?, .string?: id
            default: nil
            }
            guard value["jsonrpc"]?.string == "2.0" else {
                self = .invalid(id: validID ?? .null, reason: "`jsonrpc` must be \"2.0\"")
                return
            }
            if id != nil && validID == nil {
                self = .invalid(id: .null, reason: "`id` must be an integer or a string")
                return
            }
            let params = value["params"]
            if let params, !params.isObject, params.array == nil {
                self = .invalid(id: validID ?? .null, reason: "`params` must be an object or an array")
                return
            }
            switch (value["method"], validID) {
            case (.string(let method)?, let id?): self = .request(id: id, method: method, params: params)
            case (.string(let method)?, nil): self = .notification(method: method, params: params)
            case (nil, let id?) where value["result"] != nil || value["error"] != nil: self = .response(id: id)
            case (_, let id): self = .invalid(id: id ?? .null, reason: "a message needs a string `method`")
            }
        }
    }

    static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func error(id: JSONValue, _ code: ErrorCode, _ message: String) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")), ("id", id),
            ("error", .object([("code", .integer(code.rawValue)), ("message", .string(message))])),
        ])
    }

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    static func request(id: Int, _ method: String, _ params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)), ("params", params)])
    }
}
