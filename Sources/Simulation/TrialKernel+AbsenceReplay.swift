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
    func replayAbsence(_ events: UnsafeBufferPointer<AbsenceEvent>) {
        let t = tables
        let days = t.days
        headcount.assign(from: t.scheduledHeadcount)
        capacity.assign(from: t.scheduledCapacity)
        if t.dailyStartProbability > 0 || t.anySickAtStart || t.hasUnbookedLeave || t.hasAttrition { capacityChanged.assign(repeating: false) }
        if t.hasUnbookedLeave { onLeave.values.assign(repeating: false) }
        let (onLeave, departures) = (self.onLeave, self.departures)
        for event in events {
            let se = Int(event.se), start = Int(event.start), end = Int(event.start) + Int(event.length)
            let g = Int(t.engineerGroups[se])
            switch event.kind {
            case .departure:
                departures[se] = start
                guard start < days else { continue }
                for d in start..<days where t.engineerScheduled[se, day: d] { takeOff(se, group: g, day: d) }
                markCapacityChanged(from: start, through: days - 1)
            case .leave:
                var lastOut = -1
                for d in start..<end where t.engineerScheduled[se, day: d] && d < departures[se] {
                    onLeave[se, day: d] = true
                    takeOff(se, group: g, day: d)
                    lastOut = d
                }
                if lastOut >= 0 { markCapacityChanged(from: start, through: lastOut) }
            case .sickness:
                guard t.fallsSick[se] else { continue }
                var (firstOut, lastOut) = (days, -1)
                for d in start..<end where t.engineerScheduled[se, day: d] && !onLeave[se, day: d] && d < departures[se] {
                    takeOff(se, group: g, day: d)
                    (firstOut, lastOut) = (min(firstOut, d), d)
                }
                if lastOut >= 0 { markCapacityChanged(from: firstOut, through: lastOut) }
            }
        }
    }
}
