extension Node {
    /// The node as JSON, as `sufficiency parse` prints it: mappings become objects in document
    /// order, sequences arrays, and plain scalars null, booleans, numbers or strings by the YAML 1.2
    /// core schema. Quoted and block scalars, dates and percentages stay strings as written;
    /// infinities and NaN become the strings ".inf", "-.inf" and ".nan".
    public var json: JSON {
        switch content {
        case .mapping(let pairs): .object(pairs.map { ($0.key, $0.value.json) })
        case .sequence(let items): .array(items.map(\.json))
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: .null
            case .bool(let value): .bool(value)
            case .int(let value): .int(value)
            case .float(let value) where value.isNaN: .string(".nan")
            case .float(let value) where value.isInfinite: .string(value > 0 ? ".inf" : "-.inf")
            case .float(let value): .number(value)
            case .string(let value): .string(value)
            }
        }
    }
}
