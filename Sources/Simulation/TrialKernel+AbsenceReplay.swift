extension TrialKernel {
    /// Sets up the trial's absence (`headcount`, `capacity`, `capacityChanged`, `onLeave`,
    /// `departures`) from `events`, the absence another model's kernel drew for the same trial
    /// (`AbsenceLog`), without drawing: exactly what `drawAbsence` would set up for this model.
    ///
    /// Valid when this model draws its absence as that one does
    /// (`SimulationModel.drawsAbsenceAlike`): then the events are the ones this model's draws
    /// would make, and only what they take differs with the schedules, which this replays as
    /// `drawAbsence`, `drawUnbookedLeave` and `drawDepartures` apply them (a leaver takes no
    /// leave; sickness takes no day on leave, nobody who cannot fall sick, and no day after a
    /// departure). The events come in the order drawn, departures first, then leave, then sickness.
    /// As `drawAbsence(summingFrom:)`, the changed days and their capacities are set from day `first` on.
    func replayAbsence(_ events: UnsafeBufferPointer<AbsenceEvent>, summingFrom first: Int = 0) {
        let t = tables
        headcount.assign(from: t.scheduledHeadcount)
        capacity.assign(from: t.scheduledCapacity)
        defer { if t.dailyStartProbability > 0 || t.anySickAtStart || t.hasUnbookedLeave || t.hasAttrition { resolveCapacityChanged(summingFrom: first) } }
        if t.hasUnbookedLeave { onLeave.values.assign(repeating: false) }
        let departures = self.departures
        for event in events {
            let se = Int(event.se), start = Int(event.start), end = Int(event.start) + Int(event.length)
            let g = Int(t.engineerGroups[se])
            switch event.kind {
            case .departure:
                takeDeparture(se, group: g, gone: start)
            case .leave:
                let gone = min(end, departures[se])
                if start < gone { takeLeave(se, group: g, days: start..<gone) }
            case .sickness:
                let gone = t.fallsSick[se] ? min(end, departures[se]) : 0
                if start < gone { takeSick(se, group: g, days: start..<gone) }
            }
        }
    }
}
